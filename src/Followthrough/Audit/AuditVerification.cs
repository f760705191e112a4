namespace Followthrough.Audit;

/// <summary>The outcome of checking the whole trail: intact, or the first entry where the chain breaks and why.</summary>
public sealed record AuditVerification(bool Intact, long EntriesChecked, long? BrokenSequence, string? Problem);
