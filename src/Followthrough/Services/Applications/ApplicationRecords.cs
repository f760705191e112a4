namespace Followthrough.Services.Applications;

/// <summary>An application as its applicant, the unit's staff and the API read it.</summary>
public sealed record ServiceApplicationEntry(
    int Id,
    int ItemId,
    int ItemVersion,
    string ItemCode,
    string ItemNameZh,
    string ItemNameEn,
    int UnitId,
    int ApplicantId,
    ApplicationChannel Channel,
    IReadOnlyDictionary<string, string> Answers,
    ApplicationState State,
    DateTime ReceivedAt,
    int CommittedDays,
    int StatutoryDays,
    DateOnly? AcceptedOn,
    DateOnly? CommittedDue,
    DateOnly? StatutoryDue,
    string? Reason,
    string? LegalBasis,
    IReadOnlyList<string> Missing,
    DateTime? DecidedAt,
    DateTime? DeliveredAt,
    int Version,
    IReadOnlyList<ApplicationStepEntry> Steps)
{
    /// <summary>Working days added by the approved extension.</summary>
    public int ExtensionDays { get; init; }

    /// <summary>The reason of an extension waiting for the approver.</summary>
    public string? ExtensionRequested { get; init; }

    /// <summary>容缺受理: what the applicant promised to supply (empty when accepted without a promise).</summary>
    public IReadOnlyList<string> Promised { get; init; } = [];

    public DateOnly? PromisedBy { get; init; }

    public DateTime? PromiseKeptAt { get; init; }

    /// <summary>A promise is outstanding: the approver may not approve yet.</summary>
    public bool PromiseOutstanding => Promised.Count > 0 && PromiseKeptAt is null;

    /// <summary>The periods that do not count (Art. 45), in order.</summary>
    public IReadOnlyList<ApplicationPauseEntry> Pauses { get; init; } = [];

    /// <summary>The review steps (审查环节) of the item version, in order: done, current, to come; empty when it has none.</summary>
    public IReadOnlyList<ApplicationReviewEntry> ReviewSteps { get; init; } = [];

    /// <summary>A review step is still open: the approver may not decide yet.</summary>
    public bool ReviewOpen => ReviewSteps.Any(r => !r.IsDone);

    /// <summary>No further step can be taken.</summary>
    public bool IsClosed => State is ApplicationState.Refused or ApplicationState.Delivered or ApplicationState.Withdrawn;
}

/// <summary>One step of an application's history.</summary>
public sealed record ApplicationStepEntry(ApplicationStep Step, ApplicationState State, string? Note, DateTime TakenAt, string TakenBy);

/// <summary>What is filed: the item, the form's answers and, at a window, whom it is filed for.</summary>
public sealed record ApplicationInput(int? ItemId, IReadOnlyDictionary<string, string?>? Answers, int? ApplicantId = null)
{
    /// <summary>A part of a bundle recorded at a window officer's window (一窗受理), who may file the parts of other units
    /// too; set only by the bundle filing, after it has checked the officer's duty.</summary>
    internal bool AtBundleWindow { get; init; }
}

/// <summary>
/// A step on an application, with what that step needs: a refusal to accept its reason and legal basis; a request to
/// supplement the list of what is missing; a decision whether it approves and its reasons; a resubmission new answers.
/// </summary>
public sealed record StepInput(
    string? Reason = null,
    string? LegalBasis = null,
    IReadOnlyList<string?>? Missing = null,
    bool? Approve = null,
    IReadOnlyDictionary<string, string?>? Answers = null)
{
    /// <summary>On acceptance, 容缺受理: what is missing and the date the applicant promises it by (items that allow it only).</summary>
    public PromiseInput? Promise { get; init; }
}

/// <summary>A line of a unit's queue (or an applicant's list), with the working days left on the committed limit.</summary>
public sealed record ApplicationQueueRow(
    int Id,
    string ItemCode,
    string ItemNameZh,
    string ItemNameEn,
    int ApplicantId,
    ApplicationState State,
    DateTime ReceivedAt,
    DateOnly? CommittedDue,
    DateOnly? StatutoryDue,
    int? WorkingDaysLeft)
{
    /// <summary>The review step under way (审查环节), if the application is in one.</summary>
    public ApplicationReviewEntry? CurrentReview { get; init; }
}

/// <summary>A period that does not count against the application's clock (Art. 45), both ends included.</summary>
public sealed record ApplicationPauseEntry(int Id, PauseKind Kind, string Reason, DateOnly From, DateOnly To, DateTime RecordedAt, string RecordedBy);

/// <summary>A pause to record: its kind, reason and dates (both included).</summary>
public sealed record PauseInput(PauseKind? Kind, string? Reason, DateOnly? From, DateOnly? To);

/// <summary>容缺受理: the materials still missing and the date by which the applicant promises them.</summary>
public sealed record PromiseInput(IReadOnlyList<string?>? Missing, DateOnly? By);
