using Followthrough.Organization;
using Followthrough.Storage;

namespace Followthrough.Tasks;

/// <summary>
/// How often a unit's own tasks (with their tags and time nodes) have changed, counted by Tasks' triggers (migration
/// 0011), and how often the directory's names have changed, counted by Organization's (migration 0015): so every
/// writer moves them, whichever process it runs in.
/// </summary>
internal sealed record UnitRevision(long Tasks, long Names);

internal sealed class UnitRevisions(HandWrittenSql.RequestReads sql, DirectoryRevision directory)
{
    /// <summary>Both counts, each one primary-key read (read on every inbox request).</summary>
    public async Task<UnitRevision> ReadAsync(int unitId, CancellationToken cancellationToken = default)
    {
        var tasks = await sql.ReadAsync(
            "SELECT revision FROM task_unit_revisions WHERE unit_id = @unit",
            [("@unit", unitId)],
            async (reader, token) => await reader.ReadAsync(token) ? reader.GetInt64(0) : 0L,
            cancellationToken);
        return new UnitRevision(tasks, await directory.ReadAsync(cancellationToken));
    }
}
