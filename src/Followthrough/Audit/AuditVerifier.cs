using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Audit;

/// <summary>
/// Walks the trail in order and recomputes every hash. It finds an edited entry (its hash no longer matches), a
/// deleted or inserted one (the numbering or the link to the previous hash breaks) and a truncated tail (the chain
/// head no longer matches the last entry).
/// </summary>
public sealed class AuditVerifier(FollowthroughDb db)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        long expected = 1;
        var previousHash = AuditChain.Genesis;
        var entries = db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable();
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            if (entry.Sequence != expected)
            {
                return Broken(expected - 1, expected, $"entry {expected} is missing (next entry found is {entry.Sequence})");
            }

            if (entry.PreviousHash != previousHash)
            {
                return Broken(expected - 1, entry.Sequence, "its link to the previous entry does not match");
            }

            if (AuditChain.ComputeHash(entry) != entry.Hash)
            {
                return Broken(expected - 1, entry.Sequence, "its content does not match its hash (the entry was changed)");
            }

            previousHash = entry.Hash;
            expected++;
        }

        var head = await db.Set<AuditHead>().AsNoTracking().SingleAsync(cancellationToken);
        var checkedCount = expected - 1;
        if (head.LastSequence != checkedCount || head.LastHash != previousHash)
        {
            return Broken(checkedCount, head.LastSequence,
                $"the chain head records {head.LastSequence} entries but {checkedCount} were found (entries were removed from the end)");
        }

        return new AuditVerification(true, checkedCount, null, null);
    }

    private static AuditVerification Broken(long checkedCount, long sequence, string problem) =>
        new(false, checkedCount, sequence, problem);
}
