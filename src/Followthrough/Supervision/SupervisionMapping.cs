using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Followthrough.Supervision;

// The foreign keys to tasks, units and people are in the SQL migrations; the model names no other module's entities.

internal sealed class NoticeMapping : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.ToTable("notices");
        builder.HasIndex(n => n.Key).IsUnique();
        builder.Ignore(n => n.IsRead);
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
    }
}

internal sealed class SupervisionRunLogMapping : IEntityTypeConfiguration<SupervisionRunLog>
{
    public void Configure(EntityTypeBuilder<SupervisionRunLog> builder) => builder.ToTable("supervision_runs");
}
