using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Followthrough.Ratings.Appeals;

internal sealed class RatingAppealMapping : IEntityTypeConfiguration<RatingAppeal>
{
    public void Configure(EntityTypeBuilder<RatingAppeal> builder)
    {
        builder.ToTable("rating_appeals");
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => a.RatingId).IsUnique().HasDatabaseName("ix_rating_appeals_rating");
        builder.HasIndex(a => new { a.Outcome, a.Id }).HasDatabaseName("ix_rating_appeals_open");
    }
}
