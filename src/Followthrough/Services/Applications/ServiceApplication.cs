using Followthrough.Storage;

namespace Followthrough.Services.Applications;

/// <summary>
/// An application (办件) for one item of the catalogue, filed under the item's version it names (<see cref="ItemVersion"/>)
/// whose time limits it keeps, whatever the item becomes later. Its clock starts on acceptance (受理).
/// </summary>
internal sealed class ServiceApplication : IVersioned, ITimestamped
{
    public int Id { get; set; }

    public int ItemId { get; set; }

    public int ItemVersion { get; set; }

    public required string ItemCode { get; set; }

    public required string ItemNameZh { get; set; }

    public required string ItemNameEn { get; set; }

    /// <summary>The item's responsible unit when filed: its staff handle the application.</summary>
    public int UnitId { get; set; }

    /// <summary>The enterprise's or citizen's person id (Organization).</summary>
    public int ApplicantId { get; set; }

    public ApplicationChannel Channel { get; set; }

    /// <summary>The form's answers as a JSON object of strings.</summary>
    public string Answers { get; set; } = "{}";

    public ApplicationState State { get; set; }

    public DateTime ReceivedAt { get; set; }

    /// <summary>承诺时限 of the item version, in working days.</summary>
    public int CommittedDays { get; set; }

    /// <summary>法定时限 of the item version, in working days.</summary>
    public int StatutoryDays { get; set; }

    /// <summary>The day of acceptance (in China), which does not count.</summary>
    public DateOnly? AcceptedOn { get; set; }

    public DateOnly? CommittedDue { get; set; }

    public DateOnly? StatutoryDue { get; set; }

    /// <summary>Why it was refused (not accepted, or decided against), or the reasons of the decision.</summary>
    public string? Reason { get; set; }

    /// <summary>The legal basis of a refusal to accept.</summary>
    public string? LegalBasis { get; set; }

    /// <summary>What the applicant must supplement (补正), as a JSON list of strings.</summary>
    public string? Missing { get; set; }

    public DateTime? DecidedAt { get; set; }

    public DateTime? DeliveredAt { get; set; }

    /// <summary>Working days added by the approved extension (Art. 42); 0 when none.</summary>
    public int ExtensionDays { get; set; }

    /// <summary>The reason of an extension asked for and not yet approved.</summary>
    public string? ExtensionRequested { get; set; }

    /// <summary>容缺受理: the materials the applicant promised to supply, as a JSON list of strings.</summary>
    public string? Promised { get; set; }

    /// <summary>The day by which the promised materials are due.</summary>
    public DateOnly? PromisedBy { get; set; }

    /// <summary>When the applicant supplied the promised materials.</summary>
    public DateTime? PromiseKeptAt { get; set; }

    /// <summary>Working days from acceptance to the decision, as the legal clock counts them; set with the decision.</summary>
    public int? WorkingDaysUsed { get; set; }

    /// <summary>The number of the review step (审查环节) under way; 0 when there is none or all are done.</summary>
    public int CurrentReview { get; set; }

    /// <summary>Decided by the item's rules with no human step (秒批).</summary>
    public bool AutoDecided { get; set; }

    public int Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>One step taken on an application, written once: who, when, what it became and the note given.</summary>
internal sealed class ServiceApplicationStep
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public ServiceApplication? Application { get; set; }

    public ApplicationStep Step { get; set; }

    /// <summary>The state the application was left in.</summary>
    public ApplicationState State { get; set; }

    public string? Note { get; set; }

    public DateTime TakenAt { get; set; }

    public int? TakenById { get; set; }

    public required string TakenBy { get; set; }
}

/// <summary>A period that does not count against an application's clock (Art. 45), recorded by the handling unit.</summary>
internal sealed class ServiceApplicationPause
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public PauseKind Kind { get; set; }

    public required string Reason { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public DateTime RecordedAt { get; set; }

    public required string RecordedBy { get; set; }
}
