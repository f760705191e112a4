using Followthrough.Organization;
using Followthrough.Services.Applications;
using Followthrough.Services.Catalogue;
using Followthrough.Services.Rules;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Demo;

/// <summary>
/// Auto-approval (秒批) in the demo, in our own words: enterprise investment project filing and the filing of an
/// environmental impact registration form get an application form and rules, kept by the supervision office; the demo
/// enterprise files under them, and the rules approve one, refuse one and leave one for a person.
/// </summary>
internal sealed class DemoAutoApproval(FollowthroughDb db, ServiceCatalogue catalogue, AutoApproval rules, ServiceApplications applications)
{
    private sealed record Plan(string Code, FormFieldInput[] Fields, RuleLineInput[] Lines, Dictionary<string, string?>[] Filings);

    private static readonly Plan[] Plans =
    [
        new("DL-DRC-001",
            [
                new("projectName", "项目名称", "Project name", "Text", true, MaxLength: 100),
                new("sector", "所属行业", "Sector", "Choice", true, ["制造业 manufacturing", "信息服务 information services", "房地产 real estate", "能源 energy"]),
                new("investment", "总投资（万元）", "Total investment (10,000 yuan)", "Number", true, Min: 0, Max: 10_000_000),
                new("startDate", "拟开工日期", "Planned start of works", "Date", true),
                new("inNegativeList", "是否属于市场准入负面清单禁止类", "On the market-access negative list", "YesNo", true),
            ],
            [
                new("inNegativeList == false", "项目不属于负面清单禁止准入事项", "The project is not barred by the market-access negative list", true),
                new("sector != '房地产 real estate'", "房地产开发项目另按规定办理", "Real-estate development is handled under its own procedure", true),
                new("investment <= 100000", "总投资10亿元以下的项目可即时备案，超过的由工作人员核对", "Projects up to 1 billion yuan are filed at once; larger ones are checked by staff", false),
                new("applicantRole == 'enterprise'", "备案申请人须为企业", "The applicant must be an enterprise", true),
            ],
            [
                new() { ["projectName"] = "融科储能：电池管理系统产线技改", ["sector"] = "制造业 manufacturing", ["investment"] = "8600", ["startDate"] = "2027-03-01", ["inNegativeList"] = "no" },
                new() { ["projectName"] = "融科储能：员工公寓楼", ["sector"] = "房地产 real estate", ["investment"] = "12000", ["startDate"] = "2027-05-10", ["inNegativeList"] = "no" },
                new() { ["projectName"] = "融科储能：二期储能电站", ["sector"] = "能源 energy", ["investment"] = "260000", ["startDate"] = "2027-09-01", ["inNegativeList"] = "no" },
            ]),
        new("DL-EEB-002",
            [
                new("projectName", "项目名称", "Project name", "Text", true, MaxLength: 100),
                new("category", "建设项目类别", "Category of the project", "Choice", true, ["仓储 warehousing", "办公 offices", "小型加工 small workshops"]),
                new("inProtectedArea", "是否位于生态保护红线内", "Inside an ecological protection red line", "YesNo", true),
            ],
            [
                new("inProtectedArea == false", "生态保护红线内的项目须编制环境影响报告", "Projects inside a protection red line need a full impact report", true),
            ],
            [
                new() { ["projectName"] = "融科储能：备件仓库", ["category"] = "仓储 warehousing", ["inProtectedArea"] = "no" },
            ]),
    ];

    public async Task LoadAsync(CurrentUser applicant, CancellationToken cancellationToken = default)
    {
        var keeper = await db.Set<Person>().AsNoTracking().FirstAsync(p => p.Role == Role.Supervisor, cancellationToken);
        var supervisor = new CurrentUser(keeper.Id, keeper.NameEn, Role.Supervisor, keeper.UnitId);
        foreach (var plan in Plans)
        {
            var item = await catalogue.GetByCodeAsync(plan.Code, cancellationToken) ?? throw new InvalidOperationException($"No demo item {plan.Code}");
            var input = new ServiceItemInput(
                item.Code, item.NameZh, item.NameEn, item.UnitId, item.Kind.ToString(), item.LegalBasis, item.StatutoryDays, item.CommittedDays,
                item.Level.ToString(), item.Visits, [.. item.Materials.Select(m => new MaterialInput(m.NameZh, m.NameEn, m.Format.ToString(), m.ElectronicLicence))],
                item.Fee, item.LifeEvents, true) { Fields = plan.Fields };
            var updated = await catalogue.UpdateAsync(item.Id, input, item.Version, cancellationToken);
            var withFields = updated.IsDone ? updated.Value! : throw new InvalidOperationException($"Demo form for {plan.Code}: {updated.Kind}");
            var saved = await rules.SaveAsync(supervisor, withFields.Id, plan.Lines, null, cancellationToken);
            if (!saved.IsDone)
            {
                throw new InvalidOperationException($"Demo rules for {plan.Code}: {string.Join("; ", saved.Errors?.ToDictionary().SelectMany(e => e.Value) ?? [])}");
            }

            foreach (var answers in plan.Filings)
            {
                var filed = await applications.FileAsync(applicant, new ApplicationInput(withFields.Id, answers), cancellationToken);
                if (!filed.IsDone)
                {
                    throw new InvalidOperationException($"Demo application for {plan.Code}: {filed.Kind}");
                }
            }
        }
    }
}
