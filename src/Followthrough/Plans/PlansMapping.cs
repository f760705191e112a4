using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Followthrough.Plans;

// Units and people (a plan's owner, an item's lead and partners, an indicator's reporting unit, a value's reporter) are
// Organization's: plans keep only their ids, which the migrations' foreign keys keep honest, and map no relationship.

internal sealed class PlanMapping : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.ToTable("plans");
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}

internal sealed class PlanItemMapping : IEntityTypeConfiguration<PlanItem>
{
    public void Configure(EntityTypeBuilder<PlanItem> builder)
    {
        builder.ToTable("plan_items");
        builder.HasIndex(i => new { i.PlanId, i.Code }).IsUnique();
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasOne<Plan>().WithMany().HasForeignKey(i => i.PlanId);
        builder.HasOne<PlanItem>().WithMany().HasForeignKey(i => i.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PlanItem>().WithMany().HasForeignKey(i => i.ImplementsItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanItemPartnerMapping : IEntityTypeConfiguration<PlanItemPartner>
{
    public void Configure(EntityTypeBuilder<PlanItemPartner> builder)
    {
        builder.ToTable("plan_item_partners");
        builder.HasKey(p => new { p.PlanItemId, p.UnitId });
        builder.HasOne<PlanItem>().WithMany().HasForeignKey(p => p.PlanItemId);
    }
}

internal sealed class IndicatorMapping : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.ToTable("indicators");
        builder.HasIndex(i => new { i.PlanId, i.Code }).IsUnique();
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasOne<Plan>().WithMany().HasForeignKey(i => i.PlanId);
        builder.HasOne<PlanItem>().WithMany().HasForeignKey(i => i.PlanItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IndicatorTargetMapping : IEntityTypeConfiguration<IndicatorTarget>
{
    public void Configure(EntityTypeBuilder<IndicatorTarget> builder)
    {
        builder.ToTable("indicator_targets");
        builder.HasKey(t => new { t.IndicatorId, t.Year });
        builder.HasOne<Indicator>().WithMany().HasForeignKey(t => t.IndicatorId);
    }
}

internal sealed class IndicatorValueMapping : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.ToTable("indicator_values");
        builder.HasIndex(v => new { v.IndicatorId, v.Year, v.SubPeriod });
        builder.HasOne<Indicator>().WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<IndicatorValue>().WithMany().HasForeignKey(v => v.SupersedesId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<IndicatorEvidence>().WithMany().HasForeignKey(v => v.EvidenceId);
    }
}

internal sealed class IndicatorEvidenceMapping : IEntityTypeConfiguration<IndicatorEvidence>
{
    public void Configure(EntityTypeBuilder<IndicatorEvidence> builder)
    {
        builder.ToTable("indicator_evidence");
        builder.HasIndex(e => e.Sha256);
    }
}

internal sealed class PlanImportMapping : IEntityTypeConfiguration<PlanImport>
{
    public void Configure(EntityTypeBuilder<PlanImport> builder)
    {
        builder.ToTable("plan_imports");
        builder.HasOne<Plan>().WithMany().HasForeignKey(i => i.PlanId);
    }
}
