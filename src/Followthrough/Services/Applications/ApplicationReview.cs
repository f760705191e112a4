using Followthrough.Services.Duties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Followthrough.Services.Applications;

/// <summary>
/// One review step (审查环节) of an accepted application, copied from the item version it was filed under: the step
/// starts when the one before it is completed (the first on acceptance) and falls due its own working days later.
/// </summary>
internal sealed class ApplicationReview
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public ServiceApplication? Application { get; set; }

    /// <summary>1 for the first step.</summary>
    public int Number { get; set; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    public int Days { get; set; }

    public ServiceDuty Duty { get; set; }

    /// <summary>The day the step started (which does not count); null while an earlier step is open.</summary>
    public DateOnly? StartedOn { get; set; }

    public DateOnly? DueOn { get; set; }

    public DateTime? CompletedAt { get; set; }

    public int? CompletedById { get; set; }

    public string? CompletedBy { get; set; }

    public string? Note { get; set; }
}

internal sealed class ApplicationReviewMapping : IEntityTypeConfiguration<ApplicationReview>
{
    public void Configure(EntityTypeBuilder<ApplicationReview> builder)
    {
        builder.ToTable("service_application_reviews");
        builder.HasIndex(r => new { r.ApplicationId, r.Number }).IsUnique().HasDatabaseName("ux_service_application_reviews_application_number");
        builder.HasIndex(r => r.DueOn).HasDatabaseName("ix_service_application_reviews_due").HasFilter("completed_at IS NULL AND started_on IS NOT NULL");
        builder.HasOne(r => r.Application).WithMany().HasForeignKey(r => r.ApplicationId);
    }
}

/// <summary>
/// A review step of an application as pages and the API read it: done (by whom, when, the note), current (its due date
/// and the working days left) or to come.
/// </summary>
public sealed record ApplicationReviewEntry(
    int Number,
    string NameZh,
    string NameEn,
    int Days,
    ServiceDuty Duty,
    DateOnly? StartedOn,
    DateOnly? DueOn,
    DateTime? CompletedAt,
    string? CompletedBy,
    string? Note)
{
    /// <summary>Working days left to <see cref="DueOn"/> for the current step (negative when overdue); null otherwise.</summary>
    public int? WorkingDaysLeft { get; init; }

    public bool IsDone => CompletedAt is not null;

    public bool IsCurrent => CompletedAt is null && StartedOn is not null;
}

/// <summary>The body of completing a review step: the version seen and the reviewer's note (their opinion).</summary>
internal sealed record ReviewStepRequest(int? Version, string? Note);

/// <summary>The body of sending an application back to the previous review step: the version seen and the reason.</summary>
internal sealed record SendBackRequest(int? Version, string? Reason);
