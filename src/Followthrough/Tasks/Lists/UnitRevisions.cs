using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Tasks;

/// <summary>
/// How often a unit's own tasks (with their tags and time nodes) and the directory's names have changed, counted by
/// database triggers (migration 0011), so that every writer moves the count, whichever process it runs in.
/// </summary>
public sealed record UnitRevision(long Tasks, long Names);

public sealed class UnitRevisions(FollowthroughDb db)
{
    /// <summary>The row that counts changes to the names of units and people (no unit has id 0).</summary>
    public const int NamesRow = 0;

    public async Task<UnitRevision> ReadAsync(int unitId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Database
            .SqlQuery<RevisionRow>($"SELECT unit_id AS \"UnitId\", revision AS \"Revision\" FROM task_unit_revisions WHERE unit_id IN ({unitId}, {NamesRow})")
            .ToListAsync(cancellationToken);
        return new UnitRevision(
            rows.Find(r => r.UnitId == unitId)?.Revision ?? 0,
            rows.Find(r => r.UnitId == NamesRow)?.Revision ?? 0);
    }

    private sealed class RevisionRow
    {
        public int UnitId { get; init; }

        public long Revision { get; init; }
    }
}
