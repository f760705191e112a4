using System.Text.Json.Serialization;

namespace Followthrough.Plans;

/// <summary>How an indicator stands, as shown next to it everywhere.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IndicatorStatus>))]
public enum IndicatorStatus
{
    /// <summary>The latest actual meets or beats what the plan expects for its period.</summary>
    OnTrack,

    /// <summary>The latest actual falls short, but by no more than <see cref="IndicatorStatusRule.AtRiskShare"/>.</summary>
    AtRisk,

    /// <summary>The latest actual falls short by more than <see cref="IndicatorStatusRule.AtRiskShare"/>.</summary>
    OffTrack,

    /// <summary>No actual has been reported, or the report for the latest period that is due is missing.</summary>
    NoData,
}

/// <summary>What the plan expects for one period, and where that expectation comes from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExpectationBasis>))]
public enum ExpectationBasis
{
    /// <summary>The plan gives a target for that year.</summary>
    YearlyTarget,

    /// <summary>The straight path from the baseline to the period target.</summary>
    Path,

    /// <summary>The range the value must stay within (the yearly range if given, else the period's).</summary>
    Range,
}

/// <summary>A target value, or a range when <see cref="Upper"/> is set (lower bound in <see cref="Value"/>).</summary>
public readonly record struct TargetValue(decimal Value, decimal? Upper = null);

/// <summary>An actual value reported for a period (the current figure, after any corrections).</summary>
public readonly record struct ActualValue(ReportingPeriod Period, decimal Value);

/// <summary>The expected value (or range) for a period.</summary>
public sealed record Expectation(decimal Value, decimal? Upper, ExpectationBasis Basis);

/// <summary>What the rule needs to know about an indicator, free of storage concerns.</summary>
public sealed record IndicatorDefinition(
    IndicatorDirection Direction,
    ReportingFrequency Frequency,
    int BaselineYear,
    decimal BaselineValue,
    int PlanStartYear,
    int PlanEndYear,
    TargetValue PeriodTarget,
    IReadOnlyDictionary<int, TargetValue> YearlyTargets);

/// <summary>The outcome of <see cref="IndicatorStatusRule.Assess"/>.</summary>
/// <param name="Status">On track, at risk, off track, or no data.</param>
/// <param name="Latest">The latest actual, if any.</param>
/// <param name="Expected">What the plan expects for the latest actual's period, if there is an actual.</param>
/// <param name="Overdue">The latest period whose report is due but missing, when that is why the status is "no data".</param>
/// <param name="Progress">Share (0–1) of the way from baseline to period target that the latest actual covers.</param>
public sealed record IndicatorAssessment(
    IndicatorStatus Status,
    ActualValue? Latest,
    Expectation? Expected,
    ReportingPeriod? Overdue,
    decimal? Progress);

/// <summary>
/// The status rule for plan indicators. It compares the latest actual value with what the plan expects for the same
/// period, and flags indicators whose reports are overdue.
/// <list type="number">
/// <item><description><b>Expected value.</b> For a year: the plan's target for that year when it gives one; otherwise
/// the point for that year on the straight path from the baseline (baseline year, baseline value) to the period
/// target (last year of the plan). For a quarter or month: the straight line between the expected value at the end
/// of the previous year and at the end of the reported year, at the period's end (Q2 is half-way). For a "keep within
/// a range" indicator: the year's range when given, else the period's range, for every period (no path).</description></item>
/// <item><description><b>Comparison.</b> The tolerance is <see cref="AtRiskShare"/> (5%) of the expected value (of the
/// baseline when the expected value is 0). Higher is better: on track when the actual is at or above the expected value;
/// at risk when below it by no more than the tolerance; off track when further below. Lower is better: the same,
/// mirrored (at or below is on track). Within a range: on track inside the range (bounds included); at risk when
/// outside by no more than 5% of the bound it crosses; off track beyond that.</description></item>
/// <item><description><b>No data.</b> When nothing has been reported, or when the latest period whose report is due
/// (see <see cref="ReportingPeriod.DueDate"/>: a year's figure by 31 March of the next year, a quarter's by the end of
/// the following month, a month's by the 15th of the next month) has no actual although it lies within the plan
/// period. Periods after the plan's last year are never due. Today comes from an injected clock.</description></item>
/// <item><description><b>Progress</b> (for roll-ups): the share of the planned change from baseline to period target
/// that the latest actual has achieved, clamped to 0–1; for a range indicator 1 inside the period's range, else 0.
/// When the target equals the baseline, 1 when the actual meets it, else 0.</description></item>
/// </list>
/// </summary>
internal static class IndicatorStatusRule
{
    /// <summary>How far short of the expected value an actual may fall and still be "at risk" rather than "off track".</summary>
    public const decimal AtRiskShare = 0.05m;

    public static IndicatorAssessment Assess(IndicatorDefinition definition, IEnumerable<ActualValue> actuals, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(actuals);
        if (definition.PlanEndYear < definition.BaselineYear)
        {
            throw new ArgumentException("The plan cannot end before the baseline year.", nameof(definition));
        }

        ActualValue? latest = null;
        foreach (var actual in actuals)
        {
            if (latest is null || actual.Period > latest.Value.Period)
            {
                latest = actual;
            }
        }

        var due = LatestDuePeriod(definition, today);
        if (latest is not { } last)
        {
            return new IndicatorAssessment(IndicatorStatus.NoData, null, null, due, null);
        }

        var expected = ExpectedAt(definition, last.Period);
        var progress = Progress(definition, last.Value);
        if (due is { } missing && last.Period < missing)
        {
            return new IndicatorAssessment(IndicatorStatus.NoData, last, expected, missing, progress);
        }

        return new IndicatorAssessment(Compare(definition, last.Value, expected), last, expected, null, progress);
    }

    /// <summary>The status an actual would have against what the plan expects for its period (the comparison step alone).</summary>
    public static IndicatorStatus Judge(IndicatorDefinition definition, ActualValue actual)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return Compare(definition, actual.Value, ExpectedAt(definition, actual.Period));
    }

    /// <summary>The latest period, within the plan, whose report was due before <paramref name="today"/>; null if none yet.</summary>
    public static ReportingPeriod? LatestDuePeriod(IndicatorDefinition definition, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var first = ReportingPeriod.FirstOf(definition.Frequency, Math.Max(definition.PlanStartYear, definition.BaselineYear + 1));
        for (var period = ReportingPeriod.LastOf(definition.Frequency, definition.PlanEndYear); period >= first; period = period.Previous())
        {
            if (period.DueDate < today)
            {
                return period;
            }
        }

        return null;
    }

    /// <summary>What the plan expects for a period (see the class remarks for the rule).</summary>
    public static Expectation ExpectedAt(IndicatorDefinition definition, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Direction == IndicatorDirection.WithinRange)
        {
            return definition.YearlyTargets.TryGetValue(period.Year, out var yearly)
                ? new Expectation(yearly.Value, yearly.Upper ?? yearly.Value, ExpectationBasis.Range)
                : new Expectation(definition.PeriodTarget.Value, definition.PeriodTarget.Upper ?? definition.PeriodTarget.Value, ExpectationBasis.Range);
        }

        var basis = definition.YearlyTargets.ContainsKey(period.Year) ? ExpectationBasis.YearlyTarget : ExpectationBasis.Path;
        var atYearEnd = ExpectedAtYearEnd(definition, period.Year);
        if (period.Frequency == ReportingFrequency.Yearly)
        {
            return new Expectation(atYearEnd, null, basis);
        }

        var atStart = ExpectedAtYearEnd(definition, period.Year - 1);
        var share = period.TimeInYears - (period.Year - 1);
        return new Expectation(atStart + ((atYearEnd - atStart) * share), null, basis);
    }

    /// <summary>The point on the straight path from the baseline to the period target at time <paramref name="timeInYears"/>.</summary>
    public static decimal PathAt(IndicatorDefinition definition, decimal timeInYears)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var span = definition.PlanEndYear - definition.BaselineYear;
        if (span <= 0)
        {
            return definition.PeriodTarget.Value;
        }

        var change = definition.PeriodTarget.Value - definition.BaselineValue;
        return definition.BaselineValue + (change * (timeInYears - definition.BaselineYear) / span);
    }

    /// <summary>Share (0–1) of the planned change achieved by <paramref name="actual"/>.</summary>
    public static decimal Progress(IndicatorDefinition definition, decimal actual)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var target = definition.PeriodTarget;
        if (definition.Direction == IndicatorDirection.WithinRange)
        {
            return actual >= target.Value && actual <= (target.Upper ?? target.Value) ? 1m : 0m;
        }

        var change = target.Value - definition.BaselineValue;
        if (change == 0)
        {
            var meets = definition.Direction == IndicatorDirection.HigherIsBetter ? actual >= target.Value : actual <= target.Value;
            return meets ? 1m : 0m;
        }

        return Math.Clamp((actual - definition.BaselineValue) / change, 0m, 1m);
    }

    private static decimal ExpectedAtYearEnd(IndicatorDefinition definition, int year)
    {
        if (year <= definition.BaselineYear)
        {
            return year == definition.BaselineYear ? definition.BaselineValue : PathAt(definition, year);
        }

        return definition.YearlyTargets.TryGetValue(year, out var target) ? target.Value : PathAt(definition, year);
    }

    private static IndicatorStatus Compare(IndicatorDefinition definition, decimal actual, Expectation expected)
    {
        switch (definition.Direction)
        {
            case IndicatorDirection.HigherIsBetter:
            {
                var tolerance = Tolerance(expected.Value, definition.BaselineValue);
                return actual >= expected.Value ? IndicatorStatus.OnTrack
                    : actual >= expected.Value - tolerance ? IndicatorStatus.AtRisk
                    : IndicatorStatus.OffTrack;
            }

            case IndicatorDirection.LowerIsBetter:
            {
                var tolerance = Tolerance(expected.Value, definition.BaselineValue);
                return actual <= expected.Value ? IndicatorStatus.OnTrack
                    : actual <= expected.Value + tolerance ? IndicatorStatus.AtRisk
                    : IndicatorStatus.OffTrack;
            }

            default:
            {
                var low = expected.Value;
                var high = expected.Upper ?? expected.Value;
                if (actual >= low && actual <= high)
                {
                    return IndicatorStatus.OnTrack;
                }

                var crossed = actual < low ? low : high;
                var other = actual < low ? high : low;
                var tolerance = Tolerance(crossed, other);
                var distance = actual < low ? low - actual : actual - high;
                return distance <= tolerance ? IndicatorStatus.AtRisk : IndicatorStatus.OffTrack;
            }
        }
    }

    private static decimal Tolerance(decimal expected, decimal fallback) =>
        AtRiskShare * Math.Abs(expected != 0 ? expected : fallback);
}
