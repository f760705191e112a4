using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Followthrough.Audit;

/// <summary>Table mappings of the trail, and the marker that keeps secrets (password and token hashes) out of it.</summary>
public static class AuditMapping
{
    internal const string RedactedAnnotation = "Followthrough:RedactedInAudit";

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
