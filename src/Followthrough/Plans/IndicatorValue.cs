namespace Followthrough.Plans;

/// <summary>
/// An actual value reported for one period of an indicator. Rows are never changed: a correction is a new row that
/// <see cref="SupersedesId">supersedes</see> the earlier one, so the page can say "corrected from X" and the earlier
/// figure stays on record. The current value of a period is the last row of its chain (the one nobody supersedes).
/// </summary>
internal sealed class IndicatorValue
{
    public long Id { get; set; }

    public int IndicatorId { get; set; }

    public int Year { get; set; }

    /// <summary>0 for a year; the quarter (1–4) or month (1–12) for quarterly and monthly indicators.</summary>
    public int SubPeriod { get; set; }

    public decimal Value { get; set; }

    public string Note { get; set; } = string.Empty;

    public int? EvidenceId { get; set; }

    /// <summary>The earlier value this one corrects, or null for the first report of the period.</summary>
    public long? SupersedesId { get; set; }

    public int? ReportedById { get; set; }

    public required string ReportedByName { get; set; }

    public DateTime ReportedAt { get; set; }

    /// <summary>How the value arrived: form, api or import.</summary>
    public required string Source { get; set; }
}
