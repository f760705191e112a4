using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Followthrough.Organization;

internal sealed class UnitMapping : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.ToTable("units");
        builder.HasIndex(u => u.Code).IsUnique();
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.Ignore(u => u.AliasList);
        builder.HasOne<Unit>().WithMany().HasForeignKey(u => u.ParentId);
    }
}

internal sealed class PersonMapping : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("people");
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId);
    }
}
