using Followthrough.Organization;
using Followthrough.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Followthrough.Supervision;

internal sealed class NoticeMapping : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.ToTable("notices");
        builder.HasIndex(n => n.Key).IsUnique();
        builder.Ignore(n => n.IsRead);
        builder.HasOne<WorkTask>().WithMany().HasForeignKey(n => n.TaskId);
        builder.HasOne<Unit>().WithMany().HasForeignKey(n => n.RecipientUnitId);
        builder.HasOne<Person>().WithMany().HasForeignKey(n => n.RecipientPersonId);
    }
}

internal sealed class NoticeDeliveryMapping : IEntityTypeConfiguration<NoticeDelivery>
{
    public void Configure(EntityTypeBuilder<NoticeDelivery> builder)
    {
        builder.ToTable("notice_deliveries");
        builder.HasOne(d => d.Notice).WithMany().HasForeignKey(d => d.NoticeId);
    }
}

internal sealed class SpecialSupervisionItemMapping : IEntityTypeConfiguration<SpecialSupervisionItem>
{
    public void Configure(EntityTypeBuilder<SpecialSupervisionItem> builder)
    {
        builder.ToTable("supervision_special_items");
        builder.HasIndex(s => s.TaskId).IsUnique();
        builder.HasOne<WorkTask>().WithMany().HasForeignKey(s => s.TaskId);
    }
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

internal sealed class SupervisionRunLogMapping : IEntityTypeConfiguration<SupervisionRunLog>
{
    public void Configure(EntityTypeBuilder<SupervisionRunLog> builder) => builder.ToTable("supervision_runs");
}
