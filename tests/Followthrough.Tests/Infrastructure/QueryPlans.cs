using System.Data.Common;
using Followthrough.Storage;
using Followthrough.Storage.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Infrastructure;

/// <summary>
/// Reading each database's own query plan for the SQL the product sends, to check that a hot read is served by an
/// index. Speed itself is measured in bench/, never in tests.
/// </summary>
public static class QueryPlans
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    /// <summary>A fresh, migrated, empty database, its context open; on PostgreSQL with sequential scans forbidden,
    /// because on an empty table the planner rightly prefers a scan, and forbidding it shows whether an index can serve.</summary>
    public static async Task<T> WithEmptyDatabaseAsync<T>(DatabaseProvider provider, Func<IServiceProvider, FollowthroughDb, Task<T>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        await using var database = await TestDatabase.CreateAsync(provider);
        await new MigrationRunner(database.Settings).MigrateAsync();
        return await CoreServices.WithServicesAsync(database.Settings, async sp =>
        {
            var db = sp.GetRequiredService<FollowthroughDb>();
            await db.Database.OpenConnectionAsync();
            if (provider == DatabaseProvider.PostgreSql)
            {
                await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
            }

            return await body(sp, db);
        });
    }

    /// <summary>The plan of the command (its text and parameters), one line per step.</summary>
    public static async Task<string> ExplainAsync(FollowthroughDb db, DbCommand command, DatabaseProvider provider)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(command);
        command.CommandText = (provider == DatabaseProvider.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + command.CommandText;
        command.Connection = db.Database.GetDbConnection();
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetValue(reader.FieldCount - 1)?.ToString() ?? string.Empty);
        }

        return string.Join('\n', lines);
    }

    /// <summary>Whether the plan reads the whole tasks table.</summary>
    public static bool ScansTasks(string plan, DatabaseProvider provider) =>
        (plan + "\n").Contains(provider == DatabaseProvider.Sqlite ? "SCAN t\n" : "Seq Scan on tasks", StringComparison.Ordinal);
}
