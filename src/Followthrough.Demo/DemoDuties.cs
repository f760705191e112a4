using Followthrough.Organization;
using Followthrough.Services.Catalogue;
using Followthrough.Services.Duties;

namespace Followthrough.Demo;

/// <summary>
/// Every demo unit that has items gets a window officer (its demo staff member, or a new one) and an approver (a new
/// section chief), added through Organization's <see cref="PersonRegistration"/> and given their duty through
/// <see cref="UnitDuties"/> as the supervision office would. Names are invented for the demo.
/// </summary>
internal static class DemoDuties
{
    private static readonly (string Zh, string En)[] Approvers =
    [
        ("孙建华", "Sun Jianhua"), ("周丽娟", "Zhou Lijuan"), ("吴国庆", "Wu Guoqing"), ("郑海燕", "Zheng Haiyan"), ("冯志强", "Feng Zhiqiang"),
        ("何晓东", "He Xiaodong"), ("许文静", "Xu Wenjing"), ("韩立新", "Han Lixin"), ("曹雪梅", "Cao Xuemei"), ("邓永刚", "Deng Yonggang"),
        ("彭春霞", "Peng Chunxia"), ("萧振宇", "Xiao Zhenyu"), ("田慧敏", "Tian Huimin"), ("董明辉", "Dong Minghui"), ("袁晓红", "Yuan Xiaohong"),
        ("潘志远", "Pan Zhiyuan"), ("蒋丽华", "Jiang Lihua"), ("蔡国栋", "Cai Guodong"), ("余春燕", "Yu Chunyan"), ("杜海涛", "Du Haitao"),
    ];

    private static readonly (string Zh, string En)[] Officers =
    [
        ("高敏", "Gao Min"), ("林峰", "Lin Feng"), ("罗静", "Luo Jing"), ("梁晨", "Liang Chen"), ("宋佳", "Song Jia"),
        ("唐磊", "Tang Lei"), ("谢婷", "Xie Ting"), ("邹洋", "Zou Yang"), ("崔颖", "Cui Ying"), ("程浩", "Cheng Hao"),
        ("陆雪", "Lu Xue"), ("范宁", "Fan Ning"), ("石岩", "Shi Yan"), ("姚璐", "Yao Lu"), ("方正", "Fang Zheng"),
        ("金鑫", "Jin Xin"), ("魏然", "Wei Ran"), ("夏雨", "Xia Yu"), ("钟诚", "Zhong Cheng"), ("汪洁", "Wang Jie"),
    ];

    /// <summary>Names the duties; answers each unit's window officer and approver, who take its demo applications' steps.</summary>
    public static async Task<IReadOnlyDictionary<int, (CurrentUser Officer, CurrentUser Approver)>> AssignAsync(
        ServiceCatalogue catalogue, OrganizationDirectory directory, PersonRegistration registration, UnitDuties duties, CancellationToken cancellationToken)
    {
        var office = new CurrentUser(null, "Demo supervision office", Role.Supervisor, null);
        var staff = await directory.ActivePeopleAsync(Role.UnitStaff, cancellationToken);
        var cast = new Dictionary<int, (CurrentUser, CurrentUser)>();
        var n = 0;
        foreach (var unitId in (await catalogue.UnitIdsInUseAsync(cancellationToken)).Order())
        {
            var i = n++ % Approvers.Length;
            var existing = staff.Where(p => p.UnitId == unitId).OrderBy(p => p.Id).FirstOrDefault();
            var officer = existing?.Id
                ?? await RegisterAsync(registration, Officers[i], "窗口人员 Window officer", unitId, cancellationToken);
            var approver = await RegisterAsync(registration, Approvers[i], "科长（审批人） Section chief, approver", unitId, cancellationToken);
            await AssignAsync(duties, office, unitId, officer, ServiceDuty.WindowOfficer, cancellationToken);
            await AssignAsync(duties, office, unitId, officer, ServiceDuty.Reviewer, cancellationToken); // a small section: the officer also reviews (审核人)
            await AssignAsync(duties, office, unitId, approver, ServiceDuty.Approver, cancellationToken);
            cast[unitId] = (new CurrentUser(officer, existing?.NameEn ?? Officers[i].En, Role.UnitStaff, unitId), new CurrentUser(approver, Approvers[i].En, Role.UnitStaff, unitId));
        }

        return cast;
    }

    private static async Task<int> RegisterAsync(PersonRegistration registration, (string Zh, string En) name, string title, int unitId, CancellationToken cancellationToken)
    {
        var added = await registration.RegisterAsync(new PersonInput(name.Zh, name.En, title, nameof(Role.UnitStaff), unitId), cancellationToken);
        return added.IsDone ? added.Value!.Id : throw new InvalidOperationException($"Demo person {name.En}: {added.Kind} {added.Errors?.ToDictionary().Count}");
    }

    private static async Task AssignAsync(UnitDuties duties, CurrentUser office, int unitId, int personId, ServiceDuty duty, CancellationToken cancellationToken)
    {
        var assigned = await duties.AssignAsync(office, new DutyInput(unitId, personId, duty), cancellationToken);
        if (!assigned.IsDone)
        {
            throw new InvalidOperationException($"Demo duty {duty} in unit {unitId}: {assigned.Kind} {assigned.Reason}");
        }
    }
}
