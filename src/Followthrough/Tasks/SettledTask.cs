using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Followthrough.Tasks;

/// <summary>
/// A task the daily supervision run has said everything to about its present due days, so later runs skip it: overdue
/// since <see cref="DueOn"/> with the urging and every step of the escalation ladder <see cref="Ladder"/> sent, and
/// urged for the report owed on <see cref="ReportDueOn"/>. The task comes back into the run as soon as its due day, its
/// report day or the ladder changes. Only a shortcut for the run (it reads the notice keys of a settled task no more):
/// the keys still decide what is sent, and without these rows the run is slower, not different.
/// </summary>
/// <remarks>
/// Kept by Tasks, behind <see cref="SupervisedTasks"/>, because a mark means something only against the task's own
/// <see cref="WorkTask.NextDue"/> and <see cref="WorkTask.NextReportDue"/>: the run's pages skip settled tasks in the
/// same index walk that reads those columns. The ladder is the office's word, stored as given.
/// </remarks>
internal sealed class SettledTask
{
    public int TaskId { get; set; }

    public DateOnly? DueOn { get; set; }

    /// <summary>The escalation thresholds in force when it was settled, e.g. "5,10".</summary>
    public string? Ladder { get; set; }

    public DateOnly? ReportDueOn { get; set; }
}

internal sealed class SettledTaskMapping : IEntityTypeConfiguration<SettledTask>
{
    public void Configure(EntityTypeBuilder<SettledTask> builder)
    {
        builder.ToTable("supervision_settled");
        builder.HasKey(s => s.TaskId);
        builder.Property(s => s.TaskId).ValueGeneratedNever();
        builder.HasOne<WorkTask>().WithMany().HasForeignKey(s => s.TaskId);
    }
}
