using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Followthrough.Tasks;

internal sealed class WorkTaskMapping : IEntityTypeConfiguration<WorkTask>
{
    public void Configure(EntityTypeBuilder<WorkTask> builder)
    {
        builder.ToTable("tasks");
        builder.HasIndex(t => t.Code).IsUnique();
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.IsSubTask);
        builder.Ignore(t => t.IsOpen);
        builder.HasOne<WorkTask>().WithMany().HasForeignKey(t => t.ParentId);
        builder.HasMany(t => t.Partners).WithOne().HasForeignKey(p => p.TaskId);
        builder.HasMany(t => t.TimeNodes).WithOne().HasForeignKey(n => n.TaskId);
        builder.HasMany(t => t.Tags).WithOne().HasForeignKey(t => t.TaskId);
    }
}

internal sealed class TaskPartnerMapping : IEntityTypeConfiguration<TaskPartner>
{
    public void Configure(EntityTypeBuilder<TaskPartner> builder)
    {
        builder.ToTable("task_partners");
        builder.HasOne(p => p.SubTask).WithMany().HasForeignKey(p => p.SubTaskId);
    }
}

internal sealed class TimeNodeMapping : IEntityTypeConfiguration<TimeNode>
{
    public void Configure(EntityTypeBuilder<TimeNode> builder) => builder.ToTable("task_time_nodes");
}

internal sealed class TaskTagMapping : IEntityTypeConfiguration<TaskTag>
{
    public void Configure(EntityTypeBuilder<TaskTag> builder)
    {
        builder.ToTable("task_tags");
        builder.HasKey(t => new { t.TaskId, t.Tag });
    }
}

internal sealed class TaskEventMapping : IEntityTypeConfiguration<TaskEvent>
{
    public void Configure(EntityTypeBuilder<TaskEvent> builder)
    {
        builder.ToTable("task_events");
        builder.HasOne(e => e.WorkTask).WithMany().HasForeignKey(e => e.TaskId);
    }
}

internal sealed class ProgressReportMapping : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> builder)
    {
        builder.ToTable("progress_reports");
        builder.Ignore(r => r.IsReturned);
        builder.HasOne<WorkTask>().WithMany().HasForeignKey(r => r.TaskId);
    }
}

internal sealed class EvidenceFileMapping : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.ToTable("evidence_files");
        builder.HasOne(f => f.Report).WithMany().HasForeignKey(f => f.ReportId);
        builder.HasOne<WorkTask>().WithMany().HasForeignKey(f => f.TaskId);
    }
}

internal sealed class ExtensionRequestMapping : IEntityTypeConfiguration<ExtensionRequest>
{
    public void Configure(EntityTypeBuilder<ExtensionRequest> builder)
    {
        builder.ToTable("extension_requests");
        builder.HasOne<WorkTask>().WithMany().HasForeignKey(e => e.TaskId);
    }
}
