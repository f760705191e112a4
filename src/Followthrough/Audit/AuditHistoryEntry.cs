namespace Followthrough.Audit;

/// <summary>
/// One line of a record's history as its page and its API show it: who did what, when, and the changed values
/// before and after (JSON objects, as the trail stores them).
/// </summary>
public sealed record AuditHistoryEntry(
    long Sequence,
    DateTime OccurredAt,
    string ActorName,
    string Action,
    string? Comment,
    string? BeforeJson,
    string? AfterJson);
