using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Followthrough.Services.Catalogue;

internal sealed class ServiceItemMapping : IEntityTypeConfiguration<ServiceItem>
{
    public void Configure(EntityTypeBuilder<ServiceItem> builder)
    {
        builder.ToTable("service_items");
        builder.HasIndex(i => i.Code).IsUnique();
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Property(i => i.Fee).HasPrecision(12, 2);
    }
}

internal sealed class ServiceItemVersionMapping : IEntityTypeConfiguration<ServiceItemVersion>
{
    public void Configure(EntityTypeBuilder<ServiceItemVersion> builder)
    {
        builder.ToTable("service_item_versions");
        builder.HasIndex(v => new { v.ItemId, v.Version }).IsUnique();
        builder.HasOne(v => v.Item).WithMany().HasForeignKey(v => v.ItemId);
    }
}
