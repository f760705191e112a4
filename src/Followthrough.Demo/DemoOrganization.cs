using Followthrough.Organization;

namespace Followthrough.Demo;

/// <summary>
/// The units of Dalian and Liaoning that the 14th Five-Year Plan reports name, with the short names people use
/// for them in either language. Codes are our own.
/// </summary>
internal static class DemoOrganization
{
    public sealed record DemoUnit(string Code, string NameZh, string NameEn, UnitKind Kind, string? Parent, params string[] Aliases);

    public sealed record DemoPerson(string UserName, string NameZh, string NameEn, string Title, Role Role, string? Unit);

    public static readonly DemoUnit[] Units =
    [
        new("LN-GOV", "辽宁省人民政府", "Liaoning Provincial People's Government", UnitKind.Government, null, "省政府", "provincial government"),
        new("LN-STD", "辽宁省科学技术厅", "Liaoning Provincial Department of Science and Technology", UnitKind.Bureau, "LN-GOV", "省科技厅", "Provincial Science and Technology Department"),
        new("LN-PORT", "辽宁港口集团有限公司", "Liaoning Port Group", UnitKind.StateOwnedEnterprise, null, "辽港集团", "辽宁港口集团"),
        new("DL-GOV", "大连市人民政府", "Dalian Municipal People's Government", UnitKind.Government, "LN-GOV", "市政府", "municipal government"),
        new("DL-GO", "大连市人民政府办公室", "General Office of the Dalian Municipal Government", UnitKind.Government, "DL-GOV", "市政府办公室", "市政府办", "general office"),
        new("DL-SUP", "大连市人民政府督查室", "Supervision Office of the Dalian Municipal Government", UnitKind.Government, "DL-GO", "市政府督查室", "督查室", "supervision office"),
        new("DL-DRC", "大连市发展和改革委员会", "Dalian Municipal Development and Reform Commission", UnitKind.Bureau, "DL-GOV", "市发展改革委", "市发改委", "Municipal Development and Reform Commission", "DRC"),
        new("DL-STB", "大连市科学技术局", "Dalian Municipal Science and Technology Bureau", UnitKind.Bureau, "DL-GOV", "市科技局", "Municipal Science and Technology Bureau"),
        new("DL-IIT", "大连市工业和信息化局", "Dalian Municipal Bureau of Industry and Information Technology", UnitKind.Bureau, "DL-GOV", "市工业和信息化局", "市工信局", "Municipal Bureau of Industry and Information Technology", "Municipal Bureau of Industry and Commerce"),
        new("DL-MSA", "大连市市场监督管理局", "Dalian Municipal Market Supervision and Administration Bureau", UnitKind.Bureau, "DL-GOV", "市市场监管局", "Municipal Market Supervision and Administration Bureau"),
        new("DL-FIN", "大连市财政局", "Dalian Municipal Finance Bureau", UnitKind.Bureau, "DL-GOV", "市财政局", "Municipal Finance Bureau"),
        new("DL-EEB", "大连市生态环境局", "Dalian Municipal Ecology and Environment Bureau", UnitKind.Bureau, "DL-GOV", "市生态环境局", "Municipal Ecology and Environment Bureau"),
        new("DL-HRS", "大连市人力资源和社会保障局", "Dalian Municipal Human Resources and Social Security Bureau", UnitKind.Bureau, "DL-GOV", "市人社局", "Municipal Human Resources and Social Security Bureau"),
        new("DL-BEB", "大连市营商环境建设局", "Dalian Municipal Business Environment Construction Bureau", UnitKind.Bureau, "DL-GOV", "市营商局", "Municipal Business Environment Bureau"),
        new("DL-NRB", "大连市自然资源局", "Dalian Municipal Natural Resources Bureau", UnitKind.Bureau, "DL-GOV", "市自然资源局", "Municipal Natural Resources Bureau"),
        new("DL-PS", "中共大连市委党校", "Party School of the Dalian Municipal Committee", UnitKind.Institute, null, "市委党校", "Municipal Party School"),
        new("DL-JP", "大连金普新区", "Jinpu New District", UnitKind.District, "DL-GOV", "金普新区", "Jinpu"),
        new("DL-FTZ", "中国（辽宁）自由贸易试验区大连片区", "Dalian Area of the China (Liaoning) Pilot Free Trade Zone", UnitKind.Zone, "DL-GOV", "大连片区", "自贸区大连片区", "Dalian free trade zone"),
        new("DL-ZS", "大连市中山区", "Zhongshan District, Dalian", UnitKind.District, "DL-GOV", "中山区", "Zhongshan District"),
        new("DL-XG", "大连市西岗区", "Xigang District, Dalian", UnitKind.District, "DL-GOV", "西岗区", "Xigang District"),
        new("DL-SHK", "大连市沙河口区", "Shahekou District, Dalian", UnitKind.District, "DL-GOV", "沙河口区", "Shahekou District"),
        new("DL-GJZ", "大连市甘井子区", "Ganjingzi District, Dalian", UnitKind.District, "DL-GOV", "甘井子区", "Ganjingzi District"),
        new("DL-LSK", "大连市旅顺口区", "Lüshunkou District, Dalian", UnitKind.District, "DL-GOV", "旅顺口区", "Lushunkou District"),
        new("DL-DSIC", "大连船舶重工集团有限公司", "Dalian Shipbuilding Industry Group", UnitKind.StateOwnedEnterprise, null, "大船集团", "Dalian Shipbuilding"),
        new("DUT", "大连理工大学", "Dalian University of Technology", UnitKind.University, null, "大工", "大连理工", "DUT"),
        new("DLMU", "大连海事大学", "Dalian Maritime University", UnitKind.University, null, "海事大学", "DMU"),
        new("DLPU", "大连工业大学", "Dalian Polytechnic University", UnitKind.University, null, "大连工大"),
        new("DUFE", "东北财经大学", "Dongbei University of Finance and Economics", UnitKind.University, null, "东财", "Northeast University of Finance and Economics"),
        new("DICP", "中国科学院大连化学物理研究所", "Dalian Institute of Chemical Physics, CAS", UnitKind.Institute, null, "大连化物所", "化物所", "Dalian Institute of Chemistry", "DICP"),
        new("DL-RKP", "大连融科储能技术发展有限公司", "Dalian Rongke Energy Storage Technology Development Co., Ltd.", UnitKind.Enterprise, null, "融科储能", "Rongke Energy Storage"),
        new("DL-ETC", "大连电力牵引研发中心有限公司", "Dalian Electric Traction Research and Development Center Co., Ltd.", UnitKind.Enterprise, null, "电力牵引研发中心", "Electric Traction Research and Development Center"),
    ];

    public static readonly DemoPerson[] People =
    [
        new("admin", "系统管理员", "System Administrator", "System administrator", Role.Administrator, "DL-GO"),
        new("leader", "李建华", "Li Jianhua", "Vice-mayor", Role.Leader, "DL-GOV"),
        new("supervisor", "王芳", "Wang Fang", "Director, Supervision Office", Role.Supervisor, "DL-SUP"),
        new("drc", "陈涛", "Chen Tao", "Planning Division, Development and Reform Commission", Role.UnitStaff, "DL-DRC"),
        new("stb", "刘洋", "Liu Yang", "Office, Science and Technology Bureau", Role.UnitStaff, "DL-STB"),
        new("eeb", "赵敏", "Zhao Min", "Inspection Rectification Office, Ecology and Environment Bureau", Role.UnitStaff, "DL-EEB"),
        new("enterprise", "孙磊", "Sun Lei", "Government affairs contact, Rongke Energy Storage", Role.Enterprise, "DL-RKP"),
        new("citizen", "周丽", "Zhou Li", "Resident", Role.Citizen, null),
    ];
}
