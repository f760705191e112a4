using Followthrough.Plans;

namespace Followthrough.Tests.Plans;

public sealed class PlanRollupTests
{
    // 1 chapter → 1.1 (weight 3) and 1.2 (weight 1); 1.1 → 1.1.1; 2 has nothing measured.
    private static readonly PlanOutline Outline = new(
    [
        new OutlineNode(1, null, 1),
        new OutlineNode(2, 1, 2),
        new OutlineNode(3, 1, 1),
        new OutlineNode(4, 2, 1),
        new OutlineNode(5, null, 2),
    ]);

    private static ProgressComponent Indicator(IndicatorStatus status, decimal? progress) => new("indicator", status, progress);

    [Fact]
    public void Outline_NumbersSiblingsByPosition()
    {
        Assert.Equal("1", Outline.NumberOf(1));
        Assert.Equal("1.1", Outline.NumberOf(3));
        Assert.Equal("1.2", Outline.NumberOf(2));
        Assert.Equal("1.2.1", Outline.NumberOf(4));
        Assert.Equal("2", Outline.NumberOf(5));
        Assert.Equal([1, 3, 2, 4, 5], Outline.DepthFirst);
        Assert.Equal([1, 2], Outline.AncestorsOf(4));
    }

    [Fact]
    public void Outline_ItemInALoopOfParents_IsLeftOut()
    {
        var damaged = new PlanOutline([new OutlineNode(1, null, 1), new OutlineNode(2, 3, 1), new OutlineNode(3, 2, 1)]);
        Assert.Equal([1], damaged.DepthFirst);
    }

    [Fact]
    public void Compute_CountsEveryStatusBelowAnItem_AndWeighsChildrenByTheirWeight()
    {
        var parts = new Dictionary<int, ProgressComponent[]>
        {
            [3] = [Indicator(IndicatorStatus.OnTrack, 1m), Indicator(IndicatorStatus.AtRisk, 0.5m)], // 1.1: own mean 0.75
            [4] = [Indicator(IndicatorStatus.OffTrack, 0.2m)], // 1.2.1
            [2] = [Indicator(IndicatorStatus.NoData, null)], // 1.2: unknown progress is left out
        };
        var weights = new Dictionary<int, decimal> { [1] = 1, [2] = 1, [3] = 3, [4] = 1, [5] = 1 };

        var rollup = PlanRollup.Compute(Outline, id => weights[id], id => parts.GetValueOrDefault(id, []));

        Assert.Equal(new StatusCounts(1, 1, 1, 1), rollup[1].Total);
        Assert.Equal(StatusCounts.Zero, rollup[1].Own);
        Assert.Equal(IndicatorStatus.OffTrack, rollup[1].Status);
        Assert.Equal(0.75m, rollup[3].Progress);
        Assert.Equal(0.2m, rollup[2].Progress); // its own part has no progress; its child's 0.2 stands
        Assert.Equal(((3 * 0.75m) + (1 * 0.2m)) / 4, rollup[1].Progress);
        Assert.Null(rollup[5].Progress);
        Assert.Null(rollup[5].Status);
    }

    [Fact]
    public void Compute_ZeroWeight_LeavesAChildOutOfTheAverage()
    {
        var parts = new Dictionary<int, ProgressComponent[]> { [3] = [Indicator(IndicatorStatus.OnTrack, 1m)], [4] = [Indicator(IndicatorStatus.OffTrack, 0m)] };
        var weights = new Dictionary<int, decimal> { [1] = 1, [2] = 0, [3] = 1, [4] = 1, [5] = 1 };
        var rollup = PlanRollup.Compute(Outline, id => weights[id], id => parts.GetValueOrDefault(id, []));
        Assert.Equal(1m, rollup[1].Progress);
        Assert.Equal(1, rollup[1].Total.OffTrack); // still counted, just not weighed
    }

    [Fact]
    public void Compute_PartsFromAnotherSource_CountLikeIndicators()
    {
        // The seam for tasks: a task part on 1.1 is counted and weighed with the item's indicators.
        var parts = new Dictionary<int, ProgressComponent[]>
        {
            [3] = [Indicator(IndicatorStatus.OnTrack, 1m), new ProgressComponent("task", IndicatorStatus.OffTrack, 0m, Weight: 3)],
        };
        var rollup = PlanRollup.Compute(Outline, _ => 1, id => parts.GetValueOrDefault(id, []));
        Assert.Equal(0.25m, rollup[3].Progress);
        Assert.Equal(IndicatorStatus.OffTrack, rollup[1].Status);
    }

    [Theory]
    [InlineData(0, 0, 0, 0, null)]
    [InlineData(2, 0, 0, 0, IndicatorStatus.OnTrack)]
    [InlineData(2, 0, 0, 1, IndicatorStatus.NoData)]
    [InlineData(2, 1, 0, 1, IndicatorStatus.AtRisk)]
    [InlineData(2, 1, 1, 1, IndicatorStatus.OffTrack)]
    public void Worst_PicksTheMostSeriousStatusPresent(int onTrack, int atRisk, int offTrack, int noData, IndicatorStatus? expected)
    {
        Assert.Equal(expected, new StatusCounts(onTrack, atRisk, offTrack, noData).Worst);
    }
}
