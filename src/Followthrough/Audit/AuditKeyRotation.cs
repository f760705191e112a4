using Followthrough.Storage;

namespace Followthrough.Audit;

/// <summary>
/// Rotating the audit key (<c>audit rotate-key</c>): a new key is appended to the key file and used from then on; the
/// earlier keys stay in the file, so the entries they hashed still verify. The rotation is itself an entry of the
/// trail, hashed with the new key, that records the new key's id (never the key).
/// </summary>
public sealed class AuditKeyRotation
{
    public const string Action = "audit-key-rotated";

    private readonly FollowthroughDb _db;
    private readonly AuditKeyRing _keys;

    internal AuditKeyRotation(FollowthroughDb db, AuditKeyRing keys) => (_db, _keys) = (db, keys);

    /// <summary>Returns the new key's id. Throws <see cref="InvalidOperationException"/> when the keys are not kept in a file.</summary>
    public async Task<string> RotateAsync(string? comment = null, CancellationToken cancellationToken = default)
    {
        var previous = _keys.Current?.Id;
        var key = _keys.Rotate(_db.Clock.GetUtcNow().UtcDateTime);
        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        await AuditBulk.LockAsync(_db, cancellationToken);
        var record = BulkAuditRecord.From("audit_keys", key.Id, new Dictionary<string, object?> { ["key_id"] = key.Id, ["previous_key_id"] = previous });
        await AuditBulk.AppendAsync(_db, Action, comment, [record], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return key.Id;
    }
}
