using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Followthrough.Needs;

internal sealed class EnterpriseNeedMapping : IEntityTypeConfiguration<EnterpriseNeed>
{
    public void Configure(EntityTypeBuilder<EnterpriseNeed> builder)
    {
        builder.ToTable("enterprise_needs");
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.HasIndex(n => new { n.HolderUnitId, n.DueOn, n.Id }).HasDatabaseName("ix_enterprise_needs_queue");
        builder.HasIndex(n => new { n.EnterprisePersonId, n.Id }).HasDatabaseName("ix_enterprise_needs_enterprise");
        builder.HasIndex(n => new { n.State, n.DueOn, n.Id }).HasDatabaseName("ix_enterprise_needs_due");
    }
}

internal sealed class EnterpriseNeedStepMapping : IEntityTypeConfiguration<EnterpriseNeedStep>
{
    public void Configure(EntityTypeBuilder<EnterpriseNeedStep> builder)
    {
        builder.ToTable("enterprise_need_steps");
        builder.HasIndex(s => new { s.NeedId, s.Id }).HasDatabaseName("ix_enterprise_need_steps_need");
        builder.HasOne(s => s.Need).WithMany().HasForeignKey(s => s.NeedId);
    }
}

internal sealed class EnterpriseNeedCoUnitMapping : IEntityTypeConfiguration<EnterpriseNeedCoUnit>
{
    public void Configure(EntityTypeBuilder<EnterpriseNeedCoUnit> builder)
    {
        builder.ToTable("enterprise_need_co_units");
        builder.HasKey(c => new { c.NeedId, c.UnitId });
        builder.HasIndex(c => new { c.UnitId, c.NeedId }).HasDatabaseName("ix_enterprise_need_co_units_unit");
        builder.HasOne<EnterpriseNeed>().WithMany().HasForeignKey(c => c.NeedId);
    }
}
