using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Followthrough.Ratings.Rating;

/// <summary>
/// One rating of one decided application (一事一评): by its applicant, of its item, unit and the officer who decided it.
/// Kept as given; its comment is never public unless reviewed <see cref="CommentReview.Public"/>.
/// </summary>
internal sealed class ServiceRating : IVersioned
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public int ItemId { get; set; }

    public required string ItemCode { get; set; }

    public int UnitId { get; set; }

    /// <summary>The person who took the decision step; null when the rules decided (秒批).</summary>
    public int? OfficerId { get; set; }

    /// <summary>The applicant.</summary>
    public int RaterId { get; set; }

    public bool RealName { get; set; } = true;

    public RatingChannel Channel { get; set; }

    public RatingGrade Grade { get; set; }

    /// <summary>Codes of <see cref="RatingReasons"/>, joined by ','; empty when none.</summary>
    public string Reasons { get; set; } = string.Empty;

    public string? Comment { get; set; }

    public CommentReview CommentReview { get; set; } = CommentReview.NotReviewed;

    public DateTime RatedAt { get; set; }

    /// <summary>'YYYY-MM' of <see cref="RatedAt"/> in China.</summary>
    public required string RatedMonth { get; set; }

    /// <summary>The hotline or window staff member who recorded it for the applicant; null when the applicant did.</summary>
    public int? RecordedById { get; set; }

    public int Version { get; set; } = 1;
}

internal sealed class ServiceRatingMapping : IEntityTypeConfiguration<ServiceRating>
{
    public void Configure(EntityTypeBuilder<ServiceRating> builder)
    {
        builder.ToTable("service_ratings");
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.ApplicationId).IsUnique().HasDatabaseName("ux_service_ratings_application");
        builder.HasIndex(r => new { r.UnitId, r.RatedMonth }).HasDatabaseName("ix_service_ratings_unit_month");
        builder.HasIndex(r => new { r.ItemId, r.RatedMonth }).HasDatabaseName("ix_service_ratings_item_month");
    }
}
