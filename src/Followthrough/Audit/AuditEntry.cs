namespace Followthrough.Audit;

/// <summary>
/// One step in the trail ("every piece of work traceable"): who did what to which record, when, with the values
/// before and after. Entries are numbered without gaps and chained by SHA-256 hashes, so an edited, inserted or
/// deleted entry is detected by <see cref="AuditVerifier"/>. Since migration 0017 the hash is an HMAC-SHA256 with a key
/// kept outside the database (<see cref="KeyId"/> names it), so rewriting the chain needs the key as well.
/// </summary>
internal sealed class AuditEntry
{
    public long Sequence { get; set; }

    public DateTime OccurredAt { get; set; }

    public int? ActorId { get; set; }

    public required string ActorName { get; set; }

    /// <summary>created, updated, deleted, or a named step such as "signed-in" or "calendar-imported".</summary>
    public required string Action { get; set; }

    /// <summary>The table of the record, e.g. <c>units</c>.</summary>
    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    public string? Comment { get; set; }

    public string? BeforeJson { get; set; }

    public string? AfterJson { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }

    /// <summary>The audit key whose HMAC <see cref="Hash"/> is; null for entries written before the chain was keyed (plain SHA-256).</summary>
    public string? KeyId { get; set; }
}
