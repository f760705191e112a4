using Followthrough.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Followthrough.Services.Delivery;

/// <summary>
/// The decision document (决定书) of one decided application, issued once and never changed: the PDF as delivered, its
/// SHA-256, and the verification code anyone may check it by. What the public verification shows is kept here as it was
/// printed, so that a later change to a unit's or a person's name never changes what a genuine document says.
/// </summary>
internal sealed class DecisionDocument
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public required string DocumentNumber { get; set; }

    public required string VerificationCode { get; set; }

    /// <summary>SHA-256 of <see cref="Content"/>, lower-case hex.</summary>
    public required string Sha256 { get; set; }

    public required byte[] Content { get; set; }

    /// <summary>True when the application was approved, false when refused on its merits.</summary>
    public bool Approved { get; set; }

    public required string ItemCode { get; set; }

    public required string ItemNameZh { get; set; }

    public required string ItemNameEn { get; set; }

    public required string UnitNameZh { get; set; }

    public required string UnitNameEn { get; set; }

    /// <summary>The applicant's name as printed; shown to the public only masked.</summary>
    public required string ApplicantName { get; set; }

    /// <summary>The day of the decision, in China.</summary>
    public DateOnly DecidedOn { get; set; }

    public DateTime IssuedAt { get; set; }
}

internal sealed class DecisionDocumentMapping : IEntityTypeConfiguration<DecisionDocument>
{
    public void Configure(EntityTypeBuilder<DecisionDocument> builder)
    {
        builder.ToTable("service_decision_documents");
        builder.Property(d => d.Content).RedactedInAudit(); // the trail keeps the hash; the PDF itself is too big for it
        builder.HasIndex(d => d.ApplicationId).IsUnique().HasDatabaseName("ux_service_decision_documents_application");
        builder.HasIndex(d => d.VerificationCode).IsUnique().HasDatabaseName("ux_service_decision_documents_code");
    }
}
