using Followthrough.Organization;
using Followthrough.Storage;

namespace Followthrough.Tasks;

/// <summary>
/// How often a unit's own tasks (with their tags and time nodes) have changed, counted by Tasks' triggers (migration
/// 0011), and how often the directory's names have changed, counted by Organization's (migration 0015): so every
/// writer moves them, whichever process it runs in.
/// </summary>
internal sealed record UnitRevision(long Tasks, long Names);

internal sealed class UnitRevisions(HandWrittenSql.RequestReads sql)
{
    /// <summary>
    /// Both counts in one statement (read on every inbox request): Tasks' own row and the directory's count through the
    /// expression Organization publishes for it (<see cref="DirectoryRevision.ReadExpression"/>).
    /// </summary>
    public Task<UnitRevision> ReadAsync(int unitId, CancellationToken cancellationToken = default) =>
        sql.ReadAsync(
            "SELECT (SELECT revision FROM task_unit_revisions WHERE unit_id = @unit), " + DirectoryRevision.ReadExpression,
            [("@unit", unitId)],
            async (reader, token) => await reader.ReadAsync(token)
                ? new UnitRevision(reader.IsDBNull(0) ? 0L : reader.GetInt64(0), reader.IsDBNull(1) ? 0L : reader.GetInt64(1))
                : new UnitRevision(0L, 0L),
            cancellationToken);
}
