using Followthrough.Organization;
using Followthrough.Services.Applications;
using Followthrough.Services.Catalogue;
using Followthrough.Services.Duties;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Demo;

/// <summary>
/// A handful of applications by the demo enterprise, in our own words, each taken through the applications' own rules
/// by the demo staff of the responsible unit: one waiting to be accepted, one accepted with its clock running, one asked
/// for a supplement, one not accepted with its legal basis, one refused with reasons and one approved and delivered.
/// </summary>
internal sealed class DemoApplications(
    FollowthroughDb db, ServiceCatalogue catalogue, ServiceApplications applications, OrganizationDirectory directory, PersonRegistration registration,
    UnitDuties duties, DemoAutoApproval automatic, DemoBundles bundles, DemoServiceHistory history, DemoRatings ratings)
{
    private sealed record Story(string Code, string Company, ApplicationStep[] Steps, StepInput Input);

    private static readonly Story[] Stories =
    [
        new("DL-STB-001", "融科储能：高新技术企业认定", [], new StepInput()),
        new("DL-DRC-002", "融科储能：全钒液流电池储能电站项目", [ApplicationStep.Accepted], new StepInput()),
        new("DL-DRC-004", "融科储能：新厂房节能审查", [ApplicationStep.SupplementRequested],
            new StepInput(Missing: ["年综合能源消费量测算表 (yearly energy consumption estimate)", "主要用能设备清单 (list of the main energy-using equipment)"])),
        new("DL-EEB-004", "融科储能：废电解液处置", [ApplicationStep.Refused],
            new StepInput("申请事项不属于本机关职权范围，应向省级生态环境部门申请。The licence for this category is granted by the provincial authority.",
                "《中华人民共和国行政许可法》第三十二条第一款第（二）项")),
        new("DL-EEB-003", "融科储能：一期排污许可", [ApplicationStep.Accepted, ApplicationStep.Rejected],
            new StepInput("排放口设置与环评批复不一致，请调整后重新申请。The outfalls differ from those in the approved impact assessment.")),
        new("DL-DRC-003", "融科储能：配套道路可研报告", [ApplicationStep.Accepted, ApplicationStep.Approved, ApplicationStep.Delivered],
            new StepInput("材料齐全，符合条件。The study meets the conditions.")),
    ];

    /// <summary>Loads the demo's applications; answers each unit's window officer and approver (the loader gives the
    /// approvers of units with a demo staff account a sign-in of their own).</summary>
    public async Task<IReadOnlyDictionary<int, (CurrentUser Officer, CurrentUser Approver)>> LoadAsync(CancellationToken cancellationToken = default)
    {
        var approvers = await DemoDuties.AssignAsync(catalogue, directory, registration, duties, cancellationToken);
        var people = await db.Set<Person>().AsNoTracking().Where(p => p.Role == Role.Enterprise).ToListAsync(cancellationToken);
        var enterprise = people.First(p => p.Role == Role.Enterprise);
        var applicant = new CurrentUser(enterprise.Id, enterprise.NameEn, Role.Enterprise, enterprise.UnitId);
        foreach (var story in Stories)
        {
            var item = await catalogue.GetByCodeAsync(story.Code, cancellationToken) ?? throw new InvalidOperationException($"No demo item {story.Code}");
            var (staff, approver) = approvers[item.UnitId];
            var filed = await applications.FileAsync(applicant, new ApplicationInput(item.Id, new Dictionary<string, string?> { ["applicantName"] = story.Company }), cancellationToken);
            var current = filed.IsDone ? filed.Value! : throw new InvalidOperationException($"Demo application for {story.Code}: {filed.Kind}");
            foreach (var step in story.Steps)
            {
                var by = step is ApplicationStep.Approved or ApplicationStep.Rejected ? approver : staff;
                var taken = await applications.TakeStepAsync(by, current.Id, step, story.Input, current.Version, cancellationToken);
                current = taken.IsDone ? taken.Value! : throw new InvalidOperationException($"Demo application for {story.Code}, {step}: {taken.Kind} {taken.Reason}");
            }
        }

        await automatic.LoadAsync(applicant, cancellationToken); // 秒批: forms, rules and applications the rules decide
        await bundles.LoadAsync(applicant, cancellationToken); // 一件事一次办: bundles and one filed by the enterprise
        var citizen = await db.Set<Person>().AsNoTracking().Where(p => p.Role == Role.Citizen).OrderBy(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        await history.LoadAsync(
            approvers, applicant, citizen is null ? null : new CurrentUser(citizen.Id, citizen.NameEn, Role.Citizen, null), cancellationToken); // three months of 办件
        await ratings.LoadAsync(approvers, cancellationToken); // 好差评 on the decided ones, with rectifications, appeals and publications
        return approvers;
    }
}
