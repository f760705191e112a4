using Followthrough.Evaluation;

namespace Followthrough.Tests.Evaluation;

public sealed class RankingRuleTests
{
    private static BulletinRow Row(string code, int onTime, int late, int overdue, int reportsDue = 0, int reportsOnTime = 0, int? quality = null, long delay = 0) =>
        new(code.GetHashCode(StringComparison.Ordinal), code, code, code,
            new BulletinFigures(onTime + late + overdue, onTime, late, overdue, 0, 0, reportsDue, reportsOnTime, late + overdue, delay),
            quality, null, null);

    [Fact]
    public void Score_WeighsOnTimeReportsAndQuality_50_20_30()
    {
        // 3 of 4 on time (75%), 4 of 5 reports (80%), quality 90: 0.5×75 + 0.2×80 + 0.3×90 = 37.5 + 16 + 27 = 80.5
        var row = Row("A", onTime: 3, late: 1, overdue: 0, reportsDue: 5, reportsOnTime: 4, quality: 90);
        Assert.Equal(80.5, RankingRule.Score(row.Figures, row.QualityScore));
    }

    [Fact]
    public void Score_WithoutAQualityScore_ScalesTheOtherWeightsUp()
    {
        // (0.5×50 + 0.2×100) / 0.7 = 45 / 0.7 = 64.2857… → 64.29
        var row = Row("A", onTime: 1, late: 1, overdue: 0, reportsDue: 2, reportsOnTime: 2);
        Assert.Equal(64.29, RankingRule.Score(row.Figures, null));
    }

    [Fact]
    public void Score_WithNoFigureAtAll_IsNull_AndTheUnitIsListedUnranked()
    {
        var empty = Row("Z-EMPTY", 0, 0, 0);
        var ranked = RankingRule.Rank([empty, Row("B", 1, 0, 0)]);
        Assert.Equal(["B", "Z-EMPTY"], ranked.Select(r => r.UnitCode));
        Assert.Equal(1, ranked[0].Rank);
        Assert.Null(ranked[1].Rank);
        Assert.Null(ranked[1].Score);
    }

    [Fact]
    public void Rank_TiedScores_GoToOnTimeRateThenFewerOverdueThenDelayThenCode()
    {
        // All four score 50 on the on-time rate alone (quality fills the gap where the rate is lower).
        var highRate = Row("D", onTime: 1, late: 1, overdue: 0, quality: 50);              // 0.5×50 + 0.3×50 = 40 → /0.8 = 50
        var lowRateFewOverdue = Row("C", onTime: 1, late: 2, overdue: 1, quality: 75);     // 0.5×25 + 0.3×75 = 35 → /0.8 = 43.75
        var tiedA = Row("B", onTime: 1, late: 0, overdue: 1, delay: 9);                    // 50, one overdue, 9 days
        var tiedB = Row("A", onTime: 1, late: 0, overdue: 1, delay: 3);                    // 50, one overdue, 3 days
        var tiedC = Row("E", onTime: 2, late: 0, overdue: 2, delay: 6);                    // 50, two overdue
        var ranked = RankingRule.Rank([tiedC, tiedA, lowRateFewOverdue, highRate, tiedB]);

        Assert.Equal([50, 50, 50, 50, 43.75], ranked.Select(r => r.Score!.Value));
        // D: same score and rate as the others, no overdue; A before B: same overdue, shorter delay; E: two overdue.
        Assert.Equal(["D", "A", "B", "E", "C"], ranked.Select(r => r.UnitCode));
        Assert.Equal([1, 2, 3, 4, 5], ranked.Select(r => r.Rank!.Value));
    }

    [Fact]
    public void Rank_CompletelyEqualUnits_AreOrderedByCode_WhateverTheInputOrder()
    {
        var first = RankingRule.Rank([Row("DL-B", 1, 0, 0), Row("DL-A", 1, 0, 0)]);
        var second = RankingRule.Rank([Row("DL-A", 1, 0, 0), Row("DL-B", 1, 0, 0)]);
        Assert.Equal(["DL-A", "DL-B"], first.Select(r => r.UnitCode));
        Assert.Equal(first.Select(r => r.UnitCode), second.Select(r => r.UnitCode));
    }
}
