using Followthrough.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Followthrough.Plans;

internal sealed class PlanMapping : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.ToTable("plans");
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Unit>().WithMany().HasForeignKey(p => p.OwnerUnitId);
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
        builder.HasOne<Unit>().WithMany().HasForeignKey(i => i.LeadUnitId);
    }
}

internal sealed class PlanItemPartnerMapping : IEntityTypeConfiguration<PlanItemPartner>
{
    public void Configure(EntityTypeBuilder<PlanItemPartner> builder)
    {
        builder.ToTable("plan_item_partners");
        builder.HasKey(p => new { p.PlanItemId, p.UnitId });
        builder.HasOne<PlanItem>().WithMany().HasForeignKey(p => p.PlanItemId);
        builder.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId);
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
        builder.HasOne<Unit>().WithMany().HasForeignKey(i => i.ReportingUnitId);
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
        builder.HasOne<EvidenceFile>().WithMany().HasForeignKey(v => v.EvidenceId);
        builder.HasOne<Person>().WithMany().HasForeignKey(v => v.ReportedById);
    }
}

internal sealed class EvidenceFileMapping : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.ToTable("evidence_files");
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
