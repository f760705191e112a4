using Followthrough.Storage;

namespace Followthrough.Tasks;

/// <summary>
/// How often a unit's own tasks (with their tags and time nodes) and the directory's names have changed, counted by
/// database triggers (migration 0011), so that every writer moves the count, whichever process it runs in.
/// </summary>
public sealed record UnitRevision(long Tasks, long Names);

public sealed class UnitRevisions(DirectSql sql)
{
    /// <summary>The row that counts changes to the names of units and people (no unit has id 0).</summary>
    public const int NamesRow = 0;

    /// <summary>Both counts in one primary-key read (read on every inbox request).</summary>
    public Task<UnitRevision> ReadAsync(int unitId, CancellationToken cancellationToken = default) =>
        sql.ReadAsync(
            "SELECT unit_id, revision FROM task_unit_revisions WHERE unit_id = @unit OR unit_id = @names",
            [("@unit", unitId), ("@names", NamesRow)],
            async (reader, token) =>
            {
                long tasks = 0, names = 0;
                while (await reader.ReadAsync(token))
                {
                    if (reader.GetInt32(0) == NamesRow)
                    {
                        names = reader.GetInt64(1);
                    }
                    else
                    {
                        tasks = reader.GetInt64(1);
                    }
                }

                return new UnitRevision(tasks, names);
            },
            cancellationToken);
}
