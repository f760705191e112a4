using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Plans;

/// <summary>One indicator of a plan and where it stands today.</summary>
public sealed record IndicatorStanding(string Code, string NameZh, string NameEn, string ReportingUnitCode, IndicatorAssessment Assessment);

/// <summary>A plan's indicators, in code order, with the plan's totals and its status as the API gives it.</summary>
public sealed record IndicatorStatusReport(
    string PlanCode, string PlanNameEn, DateOnly Today, StatusCounts Totals, decimal? Progress, PlanStatusDto Status, IReadOnlyList<IndicatorStanding> Indicators);

/// <summary>
/// Plans for the command line: a plan's id by its code, and the status of its indicators, read from the same snapshot
/// as the plan's pages and the API (<see cref="PlanOverview"/>), so they always agree.
/// </summary>
public sealed class IndicatorStatusReader
{
    private readonly FollowthroughDb db;
    private readonly PlanOverview overview;

    /// <summary>Built by the module's registration; callers get it from the container.</summary>
    internal IndicatorStatusReader(FollowthroughDb db, PlanOverview overview)
    {
        this.db = db;
        this.overview = overview;
    }

    /// <summary>The id of the plan with this code (see <see cref="PlanChecks.NormalizeCode"/>), or null.</summary>
    public async Task<int?> PlanIdAsync(string code, CancellationToken cancellationToken = default)
    {
        var wanted = PlanChecks.NormalizeCode(code);
        return await db.Set<Plan>().Where(p => p.Code == wanted).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The plan's indicators and where each stands today, or null when no plan has this code.</summary>
    public async Task<IndicatorStatusReport?> ReadAsync(string code, CancellationToken cancellationToken = default)
    {
        if (await PlanIdAsync(code, cancellationToken) is not { } planId || await overview.LoadAsync(planId, cancellationToken) is not { } snapshot)
        {
            return null;
        }

        var indicators = snapshot.Indicators
            .OrderBy(i => i.Code, StringComparer.Ordinal)
            .Select(i => new IndicatorStanding(i.Code, i.NameZh, i.NameEn, snapshot.Units.CodeOf(i.ReportingUnitId), snapshot.Assessments[i.Id]))
            .ToList();
        return new IndicatorStatusReport(
            snapshot.Plan.Code, snapshot.Plan.NameEn, snapshot.Today, snapshot.Totals, snapshot.Progress, PlanDtoMapper.ToStatus(snapshot), indicators);
    }
}
