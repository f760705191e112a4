namespace Followthrough.Evaluation;

/// <summary>
/// How units are ranked in a bulletin, written once so the page can show exactly the rule the code applies.
/// Score (0–100) = 50% on-time rate + 20% report punctuality + 30% quality score. A part a unit has no figure
/// for (nothing settled yet, no report due, no quality score entered) is left out and the other weights are scaled up,
/// so no unit gains or loses from what did not happen. Units with no part at all are listed, unranked.
/// Ties on the score (compared to two decimals) go to the higher on-time rate, then fewer overdue tasks, then
/// fewer working days of average delay, then the unit code in ordinal order, so the order never depends on the database.
/// </summary>
internal static class RankingRule
{
    public const double OnTimeWeight = 0.5;
    public const double ReportWeight = 0.2;
    public const double QualityWeight = 0.3;

    /// <summary>The rule in one sentence, for the page and the exports (English key; the page translates it).</summary>
    public const string Description =
        "Score = 50% on-time rate + 20% report punctuality + 30% quality score (parts without a figure are left out and the others scaled up). "
        + "Ties: higher on-time rate, then fewer overdue tasks, then shorter average delay, then unit code.";

    /// <summary>The ranking score, or null when the unit has no figure at all.</summary>
    public static double? Score(BulletinFigures figures, int? qualityScore)
    {
        ArgumentNullException.ThrowIfNull(figures);
        (double? Value, double Weight)[] parts =
        [
            (figures.OnTimeRate, OnTimeWeight),
            (figures.ReportPunctuality, ReportWeight),
            (qualityScore / 100.0, QualityWeight),
        ];
        var present = parts.Where(p => p.Value is not null).ToArray();
        if (present.Length == 0)
        {
            return null;
        }

        var weight = present.Sum(p => p.Weight);
        return Math.Round(100 * present.Sum(p => p.Value!.Value * p.Weight) / weight, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>Scores and orders the rows: ranked units first (1, 2, 3, … with no shared places), then the unranked by code.</summary>
    public static IReadOnlyList<BulletinRow> Rank(IEnumerable<BulletinRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var scored = rows.Select(r => r with { Score = Score(r.Figures, r.QualityScore), Rank = null }).ToList();
        var ranked = scored.Where(r => r.Score is not null)
            .OrderByDescending(r => r.Score)
            .ThenByDescending(r => r.Figures.OnTimeRate ?? -1)
            .ThenBy(r => r.Figures.StillOverdue)
            .ThenBy(r => r.Figures.AverageDelay ?? 0)
            .ThenBy(r => r.UnitCode, StringComparer.Ordinal)
            .Select((r, i) => r with { Rank = i + 1 });
        var unranked = scored.Where(r => r.Score is null).OrderBy(r => r.UnitCode, StringComparer.Ordinal);
        return [.. ranked, .. unranked];
    }
}
