using Followthrough.Plans;

namespace Followthrough.Tests.Plans;

public sealed class IndicatorStatusRuleTests
{
    // Late in 2026: every report of a 2021–2025 plan is due, so only missing figures make "no data".
    private static readonly DateOnly AfterThePlan = new(2026, 11, 22);

    private static IndicatorDefinition Definition(
        IndicatorDirection direction,
        decimal baseline,
        decimal target,
        decimal? upper = null,
        ReportingFrequency frequency = ReportingFrequency.Yearly,
        Dictionary<int, TargetValue>? yearly = null) =>
        new(direction, frequency, 2020, baseline, 2021, 2025, new TargetValue(target, upper), yearly ?? []);

    private static ActualValue Year(int year, decimal value) => new(new ReportingPeriod(ReportingFrequency.Yearly, year), value);

    public static TheoryData<string, IndicatorDefinition, decimal, IndicatorStatus> Comparisons => new()
    {
        // Higher is better, straight path 100 (2020) → 150 (2025): 2023 expects 130; 5% of it is 6.5.
        { "higher, above the path", Definition(IndicatorDirection.HigherIsBetter, 100, 150), 131, IndicatorStatus.OnTrack },
        { "higher, exactly on the path", Definition(IndicatorDirection.HigherIsBetter, 100, 150), 130, IndicatorStatus.OnTrack },
        { "higher, 5% short is at risk", Definition(IndicatorDirection.HigherIsBetter, 100, 150), 123.5m, IndicatorStatus.AtRisk },
        { "higher, just over 5% short", Definition(IndicatorDirection.HigherIsBetter, 100, 150), 123.4m, IndicatorStatus.OffTrack },
        // Lower is better, 10 → 5: 2023 expects 7; 5% of it is 0.35.
        { "lower, below the path", Definition(IndicatorDirection.LowerIsBetter, 10, 5), 6.5m, IndicatorStatus.OnTrack },
        { "lower, slightly above", Definition(IndicatorDirection.LowerIsBetter, 10, 5), 7.35m, IndicatorStatus.AtRisk },
        { "lower, well above", Definition(IndicatorDirection.LowerIsBetter, 10, 5), 8, IndicatorStatus.OffTrack },
        // Range 2–4 for every year: 5% of the bound crossed.
        { "range, inside", Definition(IndicatorDirection.WithinRange, 3, 2, 4), 3.9m, IndicatorStatus.OnTrack },
        { "range, on the upper bound", Definition(IndicatorDirection.WithinRange, 3, 2, 4), 4, IndicatorStatus.OnTrack },
        { "range, just above", Definition(IndicatorDirection.WithinRange, 3, 2, 4), 4.2m, IndicatorStatus.AtRisk },
        { "range, far above", Definition(IndicatorDirection.WithinRange, 3, 2, 4), 4.3m, IndicatorStatus.OffTrack },
        { "range, just below", Definition(IndicatorDirection.WithinRange, 3, 2, 4), 1.9m, IndicatorStatus.AtRisk },
        { "range, far below", Definition(IndicatorDirection.WithinRange, 3, 2, 4), 1.8m, IndicatorStatus.OffTrack },
        // A yearly target replaces the path: 2023's target 140 is above the path's 130.
        { "yearly target above the path", Definition(IndicatorDirection.HigherIsBetter, 100, 150, yearly: new() { [2023] = new(140) }), 131, IndicatorStatus.OffTrack },
        { "yearly target met", Definition(IndicatorDirection.HigherIsBetter, 100, 150, yearly: new() { [2023] = new(140) }), 140, IndicatorStatus.OnTrack },
        { "yearly range replaces the period's", Definition(IndicatorDirection.WithinRange, 3, 2, 4, yearly: new() { [2023] = new(3, 3.5m) }), 3.9m, IndicatorStatus.OffTrack },
        // Target equal to the baseline ("keep at 100%").
        { "keep level, held", Definition(IndicatorDirection.HigherIsBetter, 100, 100), 100, IndicatorStatus.OnTrack },
        { "keep level, slipped", Definition(IndicatorDirection.HigherIsBetter, 100, 100), 96, IndicatorStatus.AtRisk },
    };

    [Theory]
    [MemberData(nameof(Comparisons))]
    public void Assess_LatestActualFor2023_ComparesWithWhatThePlanExpects(string scenario, IndicatorDefinition definition, decimal actual, IndicatorStatus expected)
    {
        // Reports for 2024 and 2025 are not due yet on 1 March 2024, so the 2023 figure decides.
        var result = IndicatorStatusRule.Assess(definition, [Year(2022, 0), Year(2023, actual)], new DateOnly(2024, 3, 1));
        Assert.True(expected == result.Status, $"{scenario}: expected {expected}, got {result.Status}");
        Assert.Equal(2023, result.Latest!.Value.Period.Year);
    }

    [Fact]
    public void Assess_NoActualAtAll_IsNoData_AndNamesTheOverduePeriod()
    {
        var result = IndicatorStatusRule.Assess(Definition(IndicatorDirection.HigherIsBetter, 100, 150), [], new DateOnly(2023, 5, 1));
        Assert.Equal(IndicatorStatus.NoData, result.Status);
        Assert.Equal(new ReportingPeriod(ReportingFrequency.Yearly, 2022), result.Overdue);
        Assert.Null(result.Progress);
    }

    [Fact]
    public void Assess_NothingDueYet_IsNoDataWithoutAnOverduePeriod()
    {
        var result = IndicatorStatusRule.Assess(Definition(IndicatorDirection.HigherIsBetter, 100, 150), [], new DateOnly(2022, 3, 31));
        Assert.Equal(IndicatorStatus.NoData, result.Status);
        Assert.Null(result.Overdue);
    }

    [Theory]
    [InlineData("2024-03-31", IndicatorStatus.OnTrack)] // the 2023 figure is due by 31 March: still in time
    [InlineData("2024-04-01", IndicatorStatus.NoData)] // a day later the 2023 report is overdue
    public void Assess_YearlyReportMissing_TurnsToNoDataTheDayAfterItIsDue(string today, IndicatorStatus expected)
    {
        var result = IndicatorStatusRule.Assess(Definition(IndicatorDirection.HigherIsBetter, 100, 150), [Year(2022, 125)], DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, result.Status);
        Assert.Equal(expected == IndicatorStatus.NoData ? new ReportingPeriod(ReportingFrequency.Yearly, 2023) : null, result.Overdue);
    }

    [Fact]
    public void Assess_AfterThePlanEnds_OnlyTheLastPeriodOfThePlanIsDue()
    {
        var complete = Enumerable.Range(2021, 5).Select(y => Year(y, 100 + ((y - 2020) * 10))).ToList();
        var result = IndicatorStatusRule.Assess(Definition(IndicatorDirection.HigherIsBetter, 100, 150), complete, AfterThePlan);
        Assert.Equal(IndicatorStatus.OnTrack, result.Status);
        Assert.Null(result.Overdue);

        var missingLast = IndicatorStatusRule.Assess(Definition(IndicatorDirection.HigherIsBetter, 100, 150), complete.Take(4), AfterThePlan);
        Assert.Equal(IndicatorStatus.NoData, missingLast.Status);
        Assert.Equal(new ReportingPeriod(ReportingFrequency.Yearly, 2025), missingLast.Overdue);
    }

    [Fact]
    public void Assess_QuarterlyIndicator_InterpolatesWithinTheYear_AndExpectsTheQuarterEndedLastMonth()
    {
        // Lower is better, 8 (2020) → 3 (2025): the path falls by 1 a year, so Q2 2022 expects 6.5.
        var definition = Definition(IndicatorDirection.LowerIsBetter, 8, 3, frequency: ReportingFrequency.Quarterly);
        var q2 = new ReportingPeriod(ReportingFrequency.Quarterly, 2022, 2);
        Assert.Equal(6.5m, IndicatorStatusRule.ExpectedAt(definition, q2).Value);

        var onTime = IndicatorStatusRule.Assess(definition, [new ActualValue(q2, 6.5m)], new DateOnly(2022, 10, 31));
        Assert.Equal(IndicatorStatus.OnTrack, onTime.Status);
        var late = IndicatorStatusRule.Assess(definition, [new ActualValue(q2, 6.5m)], new DateOnly(2022, 11, 1));
        Assert.Equal(IndicatorStatus.NoData, late.Status);
        Assert.Equal(new ReportingPeriod(ReportingFrequency.Quarterly, 2022, 3), late.Overdue);
    }

    [Fact]
    public void Assess_MonthlyIndicator_IsDueOnTheFifteenthOfTheNextMonth()
    {
        var definition = Definition(IndicatorDirection.HigherIsBetter, 0, 60, frequency: ReportingFrequency.Monthly);
        var march = new ActualValue(new ReportingPeriod(ReportingFrequency.Monthly, 2023, 3), 100);
        Assert.Equal(IndicatorStatus.OnTrack, IndicatorStatusRule.Assess(definition, [march], new DateOnly(2023, 5, 15)).Status);
        Assert.Equal(IndicatorStatus.NoData, IndicatorStatusRule.Assess(definition, [march], new DateOnly(2023, 5, 16)).Status);
    }

    [Fact]
    public void Assess_UsesTheLatestPeriod_NotTheOrderGiven()
    {
        var result = IndicatorStatusRule.Assess(Definition(IndicatorDirection.HigherIsBetter, 100, 150), [Year(2023, 131), Year(2021, 0)], new DateOnly(2024, 1, 10));
        Assert.Equal(2023, result.Latest!.Value.Period.Year);
        Assert.Equal(IndicatorStatus.OnTrack, result.Status);
    }

    [Theory]
    [InlineData(IndicatorDirection.HigherIsBetter, 100, 150, 125, 0.5)]
    [InlineData(IndicatorDirection.HigherIsBetter, 100, 150, 90, 0)]
    [InlineData(IndicatorDirection.HigherIsBetter, 100, 150, 170, 1)]
    [InlineData(IndicatorDirection.LowerIsBetter, 10, 5, 7, 0.6)]
    [InlineData(IndicatorDirection.LowerIsBetter, 10, 5, 11, 0)]
    public void Progress_IsTheShareOfThePlannedChange_Clamped(IndicatorDirection direction, int baseline, int target, double actual, double expected)
    {
        Assert.Equal((decimal)expected, IndicatorStatusRule.Progress(Definition(direction, baseline, target), (decimal)actual));
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(4.5, 0)]
    public void Progress_OfARange_IsAllOrNothing(double actual, int expected)
    {
        Assert.Equal(expected, IndicatorStatusRule.Progress(Definition(IndicatorDirection.WithinRange, 3, 2, 4), (decimal)actual));
    }
}
