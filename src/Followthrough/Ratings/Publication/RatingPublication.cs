using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Followthrough.Ratings.Publication;

/// <summary>A month's ratings figures as published (公示): written once, never changed, never recomputed.</summary>
internal sealed class RatingPublication
{
    /// <summary>The month, <c>YYYY-MM</c>.</summary>
    public required string Month { get; set; }

    public DateTime PublishedAt { get; set; }

    public int? PublishedById { get; set; }

    public required string PublishedBy { get; set; }

    /// <summary>The month's figures by unit and item as JSON (<see cref="Figures.RatingMonth"/>): no rater, no comment.</summary>
    public required string Figures { get; set; }

    /// <summary>SHA-256 of <see cref="Figures"/>, hex: the published text can be checked against it.</summary>
    public required string Sha256 { get; set; }
}

internal sealed class RatingPublicationMapping : IEntityTypeConfiguration<RatingPublication>
{
    public void Configure(EntityTypeBuilder<RatingPublication> builder)
    {
        builder.ToTable("rating_publications");
        builder.HasKey(p => p.Month);
    }
}
