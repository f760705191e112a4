namespace Followthrough.Plans;

/// <summary>
/// One thing that counts towards a plan item's progress: today an indicator, later a task. Other modules supply
/// theirs through <see cref="IPlanProgressSource"/> and describe their state with the same four words.
/// </summary>
/// <param name="Kind">What it is ("indicator", "task"), for display.</param>
/// <param name="Status">Its status in the plan's words.</param>
/// <param name="Progress">Share of the way done (0–1), or null when unknown (left out of the average).</param>
/// <param name="Weight">Its weight among the item's parts; 1 unless its owner says otherwise.</param>
public sealed record ProgressComponent(string Kind, IndicatorStatus Status, decimal? Progress, decimal Weight = 1m);

/// <summary>How many parts are in each status.</summary>
public sealed record StatusCounts(int OnTrack, int AtRisk, int OffTrack, int NoData)
{
    public static readonly StatusCounts Zero = new(0, 0, 0, 0);

    public int Total => OnTrack + AtRisk + OffTrack + NoData;

    public int this[IndicatorStatus status] => status switch
    {
        IndicatorStatus.OnTrack => OnTrack,
        IndicatorStatus.AtRisk => AtRisk,
        IndicatorStatus.OffTrack => OffTrack,
        _ => NoData,
    };

    public StatusCounts Add(IndicatorStatus status) => status switch
    {
        IndicatorStatus.OnTrack => this with { OnTrack = OnTrack + 1 },
        IndicatorStatus.AtRisk => this with { AtRisk = AtRisk + 1 },
        IndicatorStatus.OffTrack => this with { OffTrack = OffTrack + 1 },
        _ => this with { NoData = NoData + 1 },
    };

    public StatusCounts Add(StatusCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(OnTrack + other.OnTrack, AtRisk + other.AtRisk, OffTrack + other.OffTrack, NoData + other.NoData);
    }

    /// <summary>The one status that sums the counts up: the worst present (off track, at risk, no data, on track); null when empty.</summary>
    public IndicatorStatus? Worst =>
        OffTrack > 0 ? IndicatorStatus.OffTrack
        : AtRisk > 0 ? IndicatorStatus.AtRisk
        : NoData > 0 ? IndicatorStatus.NoData
        : OnTrack > 0 ? IndicatorStatus.OnTrack
        : null;
}

/// <summary>The state of one plan item: its own parts, everything below it, and its weighted progress.</summary>
internal sealed record ItemRollup(StatusCounts Own, StatusCounts Total, decimal? Progress)
{
    public IndicatorStatus? Status => Total.Worst;
}

/// <summary>
/// The roll-up rule. An item's counts are those of its own parts plus those of every item below it. Its progress is a
/// weighted average over its direct parts and its direct children: each own part with the part's weight (1 for an
/// indicator), each child item with the child's <see cref="PlanItem.Weight"/> and the child's own rolled-up progress.
/// Parts and children whose progress is unknown are left out, and the weights of the others are rescaled; an item with
/// nothing known has no progress (null) rather than 0, so an empty chapter does not look like a failing one.
/// </summary>
internal static class PlanRollup
{
    public static IReadOnlyDictionary<int, ItemRollup> Compute(
        PlanOutline outline,
        Func<int, decimal> weightOf,
        Func<int, IEnumerable<ProgressComponent>> partsOf)
    {
        ArgumentNullException.ThrowIfNull(outline);
        ArgumentNullException.ThrowIfNull(weightOf);
        ArgumentNullException.ThrowIfNull(partsOf);
        var result = new Dictionary<int, ItemRollup>(outline.DepthFirst.Count);
        // Children come after their parents in depth-first order, so walking it backwards finishes children first.
        for (var i = outline.DepthFirst.Count - 1; i >= 0; i--)
        {
            var id = outline.DepthFirst[i];
            var own = StatusCounts.Zero;
            decimal weighted = 0, weights = 0;
            foreach (var part in partsOf(id))
            {
                own = own.Add(part.Status);
                if (part.Progress is { } progress && part.Weight > 0)
                {
                    weighted += part.Weight * progress;
                    weights += part.Weight;
                }
            }

            var total = own;
            foreach (var child in outline.ChildrenOf(id))
            {
                var rolled = result[child];
                total = total.Add(rolled.Total);
                var weight = weightOf(child);
                if (rolled.Progress is { } progress && weight > 0)
                {
                    weighted += weight * progress;
                    weights += weight;
                }
            }

            result[id] = new ItemRollup(own, total, weights > 0 ? weighted / weights : null);
        }

        return result;
    }
}

/// <summary>
/// A source of progress parts for plan items besides their indicators (which <see cref="PlanOverview"/> always counts).
/// This is the seam for the tasks module: it registers an implementation that turns each task decomposed from a plan
/// item into a <see cref="ProgressComponent"/> of kind "task", and every roll-up, page and report picks it up with no
/// change to the plans module. Register with <c>services.AddScoped&lt;IPlanProgressSource, ...&gt;()</c>.
/// </summary>
public interface IPlanProgressSource
{
    /// <summary>The parts of the items of one plan (<paramref name="itemIds"/>, every item of the plan), keyed by plan
    /// item id.</summary>
    Task<ILookup<int, ProgressComponent>> PartsAsync(IReadOnlyCollection<int> itemIds, DateOnly today, CancellationToken cancellationToken = default);
}
