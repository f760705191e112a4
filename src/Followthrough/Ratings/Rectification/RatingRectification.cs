using Followthrough.Ratings.Rating;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Followthrough.Ratings.Rectification;

/// <summary>
/// The rectification case of one bad rating (差评整改): the unit verifies it, rectifies and replies to the rater, and calls
/// the rater back; the work itself is a task of the unit (<see cref="TaskId"/>), urged and evaluated like any other.
/// </summary>
internal sealed class RatingRectification : IVersioned
{
    public int RatingId { get; set; }

    public int TaskId { get; set; }

    public int UnitId { get; set; }

    public DateOnly DueOn { get; set; }

    public RectificationState State { get; set; }

    public DateTime? VerifiedAt { get; set; }

    public string? VerifiedNote { get; set; }

    public DateTime? RectifiedAt { get; set; }

    public string? RectificationNote { get; set; }

    public string? ReplyToRater { get; set; }

    public DateTime? RepliedAt { get; set; }

    public DateTime? CalledBackAt { get; set; }

    /// <summary>Whether the callback reached the rater.</summary>
    public bool? CallbackReached { get; set; }

    public string? CallbackNote { get; set; }

    public FixGrade? FixGrade { get; set; }

    public DateTime? FixRatedAt { get; set; }

    public int Version { get; set; } = 1;
}

internal sealed class RatingRectificationMapping : IEntityTypeConfiguration<RatingRectification>
{
    public void Configure(EntityTypeBuilder<RatingRectification> builder)
    {
        builder.ToTable("rating_rectifications");
        builder.HasKey(r => r.RatingId);
        builder.Property(r => r.RatingId).ValueGeneratedNever();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<ServiceRating>().WithOne().HasForeignKey<RatingRectification>(r => r.RatingId);
        builder.HasIndex(r => new { r.UnitId, r.State, r.DueOn }).HasDatabaseName("ix_rating_rectifications_unit");
    }
}
