using System.Data;
using System.Data.Common;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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

    /// <summary>Both counts in one primary-key read, on the context's connection (read on every inbox request).</summary>
    public async Task<UnitRevision> ReadAsync(int unitId, CancellationToken cancellationToken = default)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = "SELECT unit_id, revision FROM task_unit_revisions WHERE unit_id = @unit OR unit_id = @names";
            Add(command, "@unit", unitId);
            Add(command, "@names", NamesRow);
            long tasks = 0, names = 0;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) == NamesRow)
                {
                    names = reader.GetInt64(1);
                }
                else
                {
                    tasks = reader.GetInt64(1);
                }
            }

            return new UnitRevision(tasks, names);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Add(DbCommand command, string name, int value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = DbType.Int32;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
