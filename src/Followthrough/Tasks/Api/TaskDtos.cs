using System.Globalization;
using Followthrough.Organization;

namespace Followthrough.Tasks;

public sealed record UnitRef(int Id, string Code, string NameZh, string NameEn)
{
    public static UnitRef From(UnitEntry unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return new(unit.Id, unit.Code, unit.NameZh, unit.NameEn);
    }
}

public sealed record PersonRef(int Id, string NameZh, string NameEn)
{
    public static PersonRef? From(PersonEntry? person) => person is null ? null : new(person.Id, person.NameZh, person.NameEn);
}

/// <summary>Where a task stands today (see <see cref="TaskStanding"/>).</summary>
public sealed record StandingDto(
    StandingKind Kind, DateOnly? DueOn, string? DueNode, int? WorkingDaysLeft, int? WorkingDaysLate, bool SignForOverdue, bool ReportOverdue, bool Provisional)
{
    internal static StandingDto From(TaskStanding s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Kind, s.DueOn, s.DueNode, s.WorkingDaysLeft, s.WorkingDaysLate, s.SignForOverdue, s.ReportOverdue, s.Provisional);
    }
}

/// <summary>A task on a list.</summary>
public sealed record TaskSummaryDto(
    int Id,
    string Code,
    string Title,
    TaskState State,
    int? ParentId,
    UnitRef? LeadUnit,
    PersonRef? LeadLeader,
    OriginKind OriginKind,
    SupervisionLevel SupervisionLevel,
    DeadlineKind DeadlineKind,
    DateOnly? Deadline,
    int? DeadlineWorkingDays,
    int Percent,
    bool NeedsRework,
    bool ExtensionPending,
    IReadOnlyList<string> Tags,
    StandingDto Standing,
    int Version)
{
    internal static TaskSummaryDto From(TaskRow row, TaskDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(directory);
        var t = row.Task;
        var unit = directory.Unit(t.LeadUnitId);
        return new(t.Id, t.Code, t.Title, t.State, t.ParentId, unit is null ? null : UnitRef.From(unit),
            PersonRef.From(directory.Person(t.LeadLeaderId)), t.OriginKind, t.SupervisionLevel, t.DeadlineKind, t.Deadline,
            t.DeadlineWorkingDays, t.Percent, t.NeedsRework, t.ExtensionPending, [.. t.Tags.Select(x => x.Tag).Order(StringComparer.Ordinal)],
            StandingDto.From(row.Standing), t.Version);
    }
}

internal sealed record PartnerDto(UnitRef Unit, string Part, int? SubTaskId);

internal sealed record TimeNodeDto(int Id, string Title, DateOnly DueOn, DateOnly? ReachedOn);

internal sealed record SubTaskDto(int Id, string Code, string Title, UnitRef? LeadUnit, TaskState State, int Percent, DateOnly? LastReportOn, StandingDto Standing);

internal sealed record ExtensionDto(
    int Id, DateOnly? PreviousDeadline, DateOnly RequestedDeadline, string Reason, DateTime RequestedAt, string RequestedBy,
    ExtensionDecision Decision, DateOnly? GrantedDeadline, DateTime? DecidedAt, string? DecidedBy, string? DecisionComment)
{
    public static ExtensionDto From(ExtensionRequest e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Id, e.PreviousDeadline, e.RequestedDeadline, e.Reason, e.RequestedAt, e.RequestedByName, e.Decision,
            e.GrantedDeadline, e.DecidedAt, e.DecidedByName, e.DecisionComment);
    }
}

/// <summary>A whole task, with what the reader may do to it now.</summary>
internal sealed record TaskDetailDto(
    int Id,
    string Code,
    string Title,
    string Description,
    TaskState State,
    int? ParentId,
    OriginKind OriginKind,
    int? OriginId,
    string? OriginReference,
    UnitRef? LeadUnit,
    PersonRef? LeadLeader,
    PersonRef? ResponsiblePerson,
    SupervisionLevel SupervisionLevel,
    DateOnly? StartDate,
    DeadlineKind DeadlineKind,
    DateOnly? Deadline,
    int? DeadlineWorkingDays,
    bool DeadlineProvisional,
    ReportingCadence ReportingCadence,
    DateOnly? NextReportDue,
    DateOnly? AssignedOn,
    DateOnly? SignForBy,
    DateOnly? SignedOn,
    DateOnly? CompletionClaimedOn,
    DateOnly? ClosedOn,
    int Percent,
    DateOnly? LastReportOn,
    bool NeedsRework,
    bool ExtensionPending,
    IReadOnlyList<string> Tags,
    IReadOnlyList<PartnerDto> Partners,
    IReadOnlyList<TimeNodeDto> TimeNodes,
    IReadOnlyList<SubTaskDto> SubTasks,
    IReadOnlyList<ExtensionDto> Extensions,
    StandingDto Standing,
    TaskRole? YourPart,
    IReadOnlyList<string> AllowedActions,
    int Version);

internal sealed record TaskEventDto(long Id, DateTime OccurredAt, string Actor, string Action, TaskState? FromState, TaskState? ToState, string? Comment, string? Details);

internal sealed record EvidenceDto(long Id, string FileName, string ContentType, long SizeBytes, string Sha256, string DownloadUrl);

internal sealed record ReportDto(
    long Id, DateOnly ReportedOn, DateTime ReportedAt, string ReportedBy, int Percent, string? PercentNote, string Done, string NextSteps,
    string Difficulties, string SupportNeeded, bool ClaimsCompletion, int? ReachedTimeNodeId, DateTime? ReturnedAt, string? ReturnedBy,
    string? ReturnReason, IReadOnlyList<EvidenceDto> Evidence)
{
    public static ReportDto From(ProgressReport r, IEnumerable<EvidenceFile> files)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.ReportedOn, r.ReportedAt, r.ReportedByName, r.Percent, r.PercentNote, r.Done, r.NextSteps, r.Difficulties,
            r.SupportNeeded, r.ClaimsCompletion, r.ReachedTimeNodeId, r.ReturnedAt, r.ReturnedByName, r.ReturnReason,
            [.. (files ?? []).Select(f => new EvidenceDto(f.Id, f.FileName, f.ContentType, f.SizeBytes, f.Sha256,
                $"/api/v1/tasks/evidence/{f.Id.ToString(CultureInfo.InvariantCulture)}"))]);
    }
}

/// <summary>The reporting periods of a task under its cadence, and which are missing or late.</summary>
internal sealed record ReportScheduleDto(ReportingCadence Cadence, DateOnly? NextReportDue, IReadOnlyList<ReportPeriod> Periods);

internal sealed record SectionDto(IReadOnlyList<TaskSummaryDto> Items, int Total);

internal sealed record InboxDto(UnitRef Unit, SectionDto ToSignFor, SectionDto ToReport, SectionDto Overdue, SectionDto Returned);

internal sealed record BoardDto(SectionDto Overdue, SectionDto DueSoon, SectionDto AwaitingVerification, SectionDto ExtensionRequests, SectionDto ReturnedByUnits);

/// <summary>The body of POST /tasks and PUT /tasks/{id}.</summary>
internal sealed record TaskRequest
{
    public string? Code { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public OriginKind? OriginKind { get; init; }

    public int? OriginId { get; init; }

    public string? OriginReference { get; init; }

    public int? LeadLeaderId { get; init; }

    public int? LeadUnitId { get; init; }

    public int? ResponsiblePersonId { get; init; }

    public SupervisionLevel? SupervisionLevel { get; init; }

    public DateOnly? StartDate { get; init; }

    /// <summary>A date deadline; or leave empty and give <see cref="DeadlineWorkingDays"/>; or set <see cref="NoFixedDeadline"/>.</summary>
    public DateOnly? Deadline { get; init; }

    /// <summary>N working days from assignment, counted with the official calendar when the task is assigned.</summary>
    public int? DeadlineWorkingDays { get; init; }

    /// <summary>Long-term work (长期坚持) without a fixed deadline.</summary>
    public bool NoFixedDeadline { get; init; }

    public ReportingCadence? ReportingCadence { get; init; }

    public IReadOnlyList<PartnerInput>? Partners { get; init; }

    public IReadOnlyList<TimeNodeInput>? TimeNodes { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>PUT only: the version edited, unless sent as If-Match.</summary>
    public int? Version { get; init; }

    public TaskInput ToInput() => new()
    {
        Code = Code,
        Title = Title,
        Description = Description,
        OriginKind = OriginKind ?? Tasks.OriginKind.Manual,
        OriginId = OriginId,
        OriginReference = OriginReference,
        LeadLeaderId = LeadLeaderId,
        LeadUnitId = LeadUnitId,
        ResponsiblePersonId = ResponsiblePersonId,
        SupervisionLevel = SupervisionLevel ?? Tasks.SupervisionLevel.Routine,
        StartDate = StartDate,
        DeadlineKind = NoFixedDeadline ? DeadlineKind.None : DeadlineWorkingDays is not null && Deadline is null ? DeadlineKind.WorkingDays : DeadlineKind.Date,
        Deadline = Deadline,
        DeadlineWorkingDays = DeadlineWorkingDays,
        ReportingCadence = ReportingCadence ?? Tasks.ReportingCadence.Monthly,
        Partners = Partners ?? [],
        TimeNodes = TimeNodes ?? [],
        Tags = Tags ?? [],
    };
}

/// <summary>The body of POST /tasks/{id}/actions/{action}.</summary>
internal sealed record ActionRequest(string? Comment, int? Version, DateOnly? NewDeadline, int? LeadUnitId, long? ReportId);
