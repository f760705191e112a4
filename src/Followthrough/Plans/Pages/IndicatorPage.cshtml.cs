using System.Globalization;
using Followthrough.Accounts;
using Followthrough.Audit;
using Followthrough.Organization;
using Followthrough.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Plans.Pages;

/// <summary>One row of the indicator's table, which is also what the chart draws.</summary>
internal sealed record IndicatorRow(
    string Label, string Key, bool IsBaseline, decimal? Actual, decimal? Expected, decimal? ExpectedUpper, TargetValue? YearlyTarget, IndicatorStatus? Status, bool Corrected);

/// <summary>One indicator: its definition, status and the rule behind it, its figures by period (table and chart), every reported value with its corrections, and its history.</summary>
internal sealed class IndicatorPageModel(FollowthroughDb db, OrganizationDirectory organization, IndicatorValueService values, AuditTrail trail, CurrentUser user) : PlanPage(user)
{
    public Indicator Indicator { get; private set; } = null!;

    public Plan Plan { get; private set; } = null!;

    public PlanItem Item { get; private set; } = null!;

    public UnitDirectory Units { get; private set; } = null!;

    public IReadOnlyList<IndicatorTarget> Targets { get; private set; } = [];

    public IndicatorAssessment Assessment { get; private set; } = null!;

    public IReadOnlyList<ValueEntry> Values { get; private set; } = [];

    public IReadOnlyDictionary<int, IndicatorEvidence> Evidence { get; private set; } = new Dictionary<int, IndicatorEvidence>();

    public IReadOnlyList<IndicatorRow> Rows { get; private set; } = [];

    public IReadOnlyList<AuditHistoryEntry> History { get; private set; } = [];

    public bool CanRecord => PlanPermissions.CanRecordIndicatorValue(Me, Indicator);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (RefuseUnlessReader() is { } refusal)
        {
            return refusal;
        }

        var indicator = await db.Set<Indicator>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (indicator is null)
        {
            return NotFound();
        }

        Indicator = indicator;
        Plan = await db.Set<Plan>().AsNoTracking().SingleAsync(p => p.Id == indicator.PlanId, cancellationToken);
        Item = await db.Set<PlanItem>().AsNoTracking().SingleAsync(i => i.Id == indicator.PlanItemId, cancellationToken);
        Units = await UnitDirectory.LoadAsync(organization, cancellationToken);
        Targets = await db.Set<IndicatorTarget>().AsNoTracking().Where(t => t.IndicatorId == id).OrderBy(t => t.Year).ToListAsync(cancellationToken);
        Values = await values.HistoryAsync(indicator, cancellationToken);
        var evidenceIds = Values.Where(v => v.Value.EvidenceId is not null).Select(v => v.Value.EvidenceId!.Value).Distinct().ToList();
        Evidence = await db.Set<IndicatorEvidence>().AsNoTracking().Where(e => evidenceIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        var definition = IndicatorRules.Definition(indicator, Plan, Targets);
        var current = Values.Where(v => v.IsCurrent).ToList();
        Assessment = IndicatorStatusRule.Assess(definition, current.Select(v => new ActualValue(v.Period, v.Value.Value)), ChinaClock.Today(db.Clock));
        Rows = BuildRows(definition, current);
        History = await trail.HistoryAsync("indicators", id.ToString(CultureInfo.InvariantCulture), cancellationToken);
        return Page();
    }

    private List<IndicatorRow> BuildRows(IndicatorDefinition definition, List<ValueEntry> current)
    {
        var culture = CultureInfo.CurrentUICulture;
        var byPeriod = current.ToDictionary(v => v.Period);
        var rows = new List<IndicatorRow>
        {
            new(new ReportingPeriod(ReportingFrequency.Yearly, Indicator.BaselineYear).Display(culture), "baseline", true, Indicator.BaselineValue, null, null, null, null, false),
        };
        var yearly = Targets.ToDictionary(t => t.Year, t => new TargetValue(t.Value, t.UpperValue));
        foreach (var period in ReportingPeriod.Span(Indicator.Frequency, Indicator.BaselineYear + 1, Plan.EndYear))
        {
            var expected = IndicatorStatusRule.ExpectedAt(definition, period);
            var actual = byPeriod.TryGetValue(period, out var entry) ? entry.Value.Value : (decimal?)null;
            var isYearEnd = period == ReportingPeriod.LastOf(Indicator.Frequency, period.Year);
            rows.Add(new IndicatorRow(
                period.Display(culture),
                period.ToString(),
                false,
                actual,
                expected.Value,
                expected.Upper,
                isYearEnd && yearly.TryGetValue(period.Year, out var target) ? target : null,
                actual is { } a ? IndicatorStatusRule.Judge(definition, new ActualValue(period, a)) : null,
                entry?.Corrects is not null));
        }

        return rows;
    }
}
