namespace Followthrough.Directives.Extraction;

/// <summary>
/// Actors that name no particular unit: the departments, districts and levels of government a directive is
/// addressed to. The review page lets the supervision office turn them into units.
/// </summary>
internal static class GenericActors
{
    public static readonly string[] Phrases =
    [
        "relevant departments", "relevant units", "relevant authorities", "relevant bureaus", "departments concerned",
        "units concerned", "authorities concerned", "all districts", "all counties", "all districts and counties",
        "all districts, counties and departments concerned", "all localities", "all departments", "all units",
        "all municipal departments", "municipal departments", "departments at all levels", "governments at all levels",
        "party committees at all levels", "party committees and governments at all levels",
        "party organizations at all levels", "party organisations at all levels", "all localities, departments and units",
        "all localities and departments", "each district", "every district", "each county", "each lead unit", "lead units",
        "the lead unit", "co-operating units", "cooperating units", "responsible units", "each unit", "every unit",
        "every department", "each department", "district governments", "county governments",
        "all district and county governments", "districts and counties", "all levels and departments", "traffic police",
        "the police", "customs", "all counties and districts", "each county",

        "各级各部门", "各地区各部门", "各地各部门", "有关部门", "相关部门", "各有关部门", "各相关部门", "各区市县", "各区市县政府",
        "各区县", "各区", "各县", "各县区", "各县市区", "各部门", "各单位", "各有关单位", "有关单位", "相关单位", "各级党委",
        "各级政府", "各级党委和政府", "各级党委政府", "各级党组织", "各牵头单位", "牵头单位", "配合单位", "责任单位",
        "各责任单位", "各先导区", "市直各部门", "市政府各部门", "市直有关部门", "各地", "各乡镇", "各街道", "各乡镇街道",
        "全市各级各部门", "所在区", "各区政府", "区县政府", "市里", "各级各部门各单位", "各地区", "各级领导干部", "交警",
        "交警部门", "公安机关", "海关",
    ];
}
