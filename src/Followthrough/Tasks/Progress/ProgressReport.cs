namespace Followthrough.Tasks;

/// <summary>
/// A progress report (进展报告) from the lead unit: how far along, what was done, what comes next, what is hard and
/// what help is needed. The supervisor may return it for rework; a returned report no longer counts for the cadence.
/// </summary>
internal sealed class ProgressReport
{
    public long Id { get; set; }

    public int TaskId { get; set; }

    public DateOnly ReportedOn { get; set; }

    public DateTime ReportedAt { get; set; }

    public int? ReportedById { get; set; }

    public required string ReportedByName { get; set; }

    public int Percent { get; set; }

    /// <summary>Why the percent went down, when it did (a re-estimate must be explained).</summary>
    public string? PercentNote { get; set; }

    public string Done { get; set; } = string.Empty;

    public string NextSteps { get; set; } = string.Empty;

    public string Difficulties { get; set; } = string.Empty;

    public string SupportNeeded { get; set; } = string.Empty;

    /// <summary>This report claims the task complete (申请办结).</summary>
    public bool ClaimsCompletion { get; set; }

    /// <summary>The time node this report says was reached, if any.</summary>
    public int? ReachedTimeNodeId { get; set; }

    public DateTime? ReturnedAt { get; set; }

    public string? ReturnedByName { get; set; }

    public string? ReturnReason { get; set; }

    public bool IsReturned => ReturnedAt is not null;
}
