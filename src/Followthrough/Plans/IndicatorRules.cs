namespace Followthrough.Plans;

/// <summary>Turns stored indicators into the plain definitions the status rule reads.</summary>
internal static class IndicatorRules
{
    public static IndicatorDefinition Definition(Indicator indicator, Plan plan, IEnumerable<IndicatorTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(targets);
        return new IndicatorDefinition(
            indicator.Direction,
            indicator.Frequency,
            indicator.BaselineYear,
            indicator.BaselineValue,
            plan.StartYear,
            plan.EndYear,
            new TargetValue(indicator.PeriodTarget, indicator.PeriodTargetUpper),
            targets.ToDictionary(t => t.Year, t => new TargetValue(t.Value, t.UpperValue)));
    }
}
