namespace Followthrough.Supervision;

/// <summary>One supervision run: for which day, by which instance, and what it did. A run without
/// <see cref="FinishedAt"/> was stopped half-way; the next run finishes its work (the notice keys prevent repeats).</summary>
internal sealed class SupervisionRunLog
{
    public int Id { get; set; }

    public DateOnly RunOn { get; set; }

    public required string Holder { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public int NoticesCreated { get; set; }

    public int DeliveriesSent { get; set; }

    public int DeliveriesFailed { get; set; }
}
