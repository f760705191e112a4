namespace Followthrough.Supervision;

/// <summary>
/// A task the daily run has said everything to about its present due days, so later runs skip it: overdue since
/// <see cref="DueOn"/> with the urging and every step of the escalation ladder <see cref="Ladder"/> sent, and urged for
/// the report owed on <see cref="ReportDueOn"/>. The task comes back into the run as soon as its due day, its report
/// day or the ladder changes. Only a shortcut for the run (it reads the notice keys of a settled task no more): the keys
/// still decide what is sent, and without these rows the run is slower, not different.
/// </summary>
public sealed class SettledTask
{
    public int TaskId { get; set; }

    public DateOnly? DueOn { get; set; }

    /// <summary>The escalation thresholds in force when it was settled, e.g. "5,10" (<see cref="SupervisionRules.LadderName"/>).</summary>
    public string? Ladder { get; set; }

    public DateOnly? ReportDueOn { get; set; }
}
