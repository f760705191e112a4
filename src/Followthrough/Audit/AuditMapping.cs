using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Followthrough.Audit;

/// <summary>Table mappings of the trail, and the marker that keeps secrets (password and token hashes) out of it.</summary>
public static class AuditMapping
{
    internal const string RedactedAnnotation = "Followthrough:RedactedInAudit";

    internal const string NotReconciledAnnotation = "Followthrough:KeptOutsideTheTrail";

    /// <summary>
    /// The product itself changes this column without an audit entry (a trigger, a read model refilled by SQL), so
    /// <c>audit reconcile</c> does not compare it with the trail.
    /// </summary>
    public static PropertyBuilder<T> KeptOutsideTheTrail<T>(this PropertyBuilder<T> property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.HasAnnotation(NotReconciledAnnotation, true);
    }

    /// <summary>The product keeps this table's rows without audit entries (its own bookkeeping); <c>audit reconcile</c> skips it.</summary>
    public static EntityTypeBuilder<T> KeptOutsideTheTrail<T>(this EntityTypeBuilder<T> entity)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        return entity.HasAnnotation(NotReconciledAnnotation, true);
    }

    /// <summary>The audit trail records that this property changed, but never its value.</summary>
    public static PropertyBuilder<T> RedactedInAudit<T>(this PropertyBuilder<T> property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.HasAnnotation(RedactedAnnotation, true);
    }

    internal sealed class EntryConfiguration : IEntityTypeConfiguration<AuditEntry>
    {
        public void Configure(EntityTypeBuilder<AuditEntry> builder)
        {
            builder.ToTable("audit_entries");
            builder.HasKey(e => e.Sequence);
            builder.Property(e => e.Sequence).ValueGeneratedNever();
        }
    }

    internal sealed class HeadConfiguration : IEntityTypeConfiguration<AuditHead>
    {
        public void Configure(EntityTypeBuilder<AuditHead> builder)
        {
            builder.ToTable("audit_head");
            builder.Property(h => h.Id).ValueGeneratedNever();
        }
    }
}
