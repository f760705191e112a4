namespace Followthrough.Tasks;

/// <summary>What the supervision office writes when creating or editing a task.</summary>
public sealed record TaskInput
{
    /// <summary>Optional; generated (DL-2021-0001) when empty.</summary>
    public string? Code { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public OriginKind OriginKind { get; init; } = OriginKind.Manual;

    public int? OriginId { get; init; }

    public string? OriginReference { get; init; }

    public int? LeadLeaderId { get; init; }

    public int? LeadUnitId { get; init; }

    public int? ResponsiblePersonId { get; init; }

    public SupervisionLevel SupervisionLevel { get; init; } = SupervisionLevel.Routine;

    public DateOnly? StartDate { get; init; }

    /// <summary>Date, WorkingDays (then <see cref="DeadlineWorkingDays"/>) or None (长期坚持).</summary>
    public DeadlineKind DeadlineKind { get; init; } = DeadlineKind.Date;

    public DateOnly? Deadline { get; init; }

    public int? DeadlineWorkingDays { get; init; }

    public ReportingCadence ReportingCadence { get; init; } = ReportingCadence.Monthly;

    public IReadOnlyList<PartnerInput> Partners { get; init; } = [];

    public IReadOnlyList<TimeNodeInput> TimeNodes { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];
}

public sealed record PartnerInput(int UnitId, string? Part);

public sealed record TimeNodeInput(string? Title, DateOnly DueOn);

/// <summary>What comes with a step: the comment (required for refusals and returns) and the step's own fields.</summary>
internal sealed record ActionInput
{
    public string? Comment { get; init; }

    /// <summary>The version the person saw; a step on an older version is refused as stale.</summary>
    public int? Version { get; init; }

    /// <summary>request-extension: the deadline asked for; approve-extension: the deadline granted (default: as asked).</summary>
    public DateOnly? NewDeadline { get; init; }

    /// <summary>assign (of a returned task): hand it to another lead unit.</summary>
    public int? LeadUnitId { get; init; }

    /// <summary>return-report: which report (default: the latest accepted one).</summary>
    public long? ReportId { get; init; }
}

/// <summary>A progress report as the lead unit writes it.</summary>
internal sealed record ReportInput
{
    public int? Version { get; init; }

    public int? Percent { get; init; }

    public string? PercentNote { get; init; }

    public string? Done { get; init; }

    public string? NextSteps { get; init; }

    public string? Difficulties { get; init; }

    public string? SupportNeeded { get; init; }

    public bool ClaimsCompletion { get; init; }

    public int? ReachedTimeNodeId { get; init; }
}

/// <summary>An uploaded evidence file, read into memory (at most <see cref="EvidenceCheck.MaxBytes"/>).</summary>
internal sealed record UploadedFile(string FileName, byte[] Content);
