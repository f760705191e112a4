using Followthrough.Storage;
using Followthrough.Storage.Migrations;
using Followthrough.Tasks;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Tasks;

/// <summary>
/// The hot lists (a unit's inbox, the supervisor's board) are answered from an index, never by reading the whole
/// tasks table: checked on each database's own query plan for the SQL that EF Core actually sends. Speed itself is
/// measured in bench/, not here.
/// </summary>
public sealed class HotQueryPlanTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task InboxAndBoardLists_UseAnIndex_ForTheirPageAndTheirCount(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await new MigrationRunner(database.Settings).MigrateAsync();
        var plans = await CoreServices.WithServicesAsync(database.Settings, async sp =>
        {
            var db = sp.GetRequiredService<FollowthroughDb>();
            var queries = sp.GetRequiredService<TaskQueries>();
            var today = new DateOnly(2025, 6, 2);
            var lists = queries.InboxQueries(7, today, today.AddDays(5)).Concat(queries.BoardQueries(today, today.AddDays(5))).ToList();
            var result = new List<string>();
            await db.Database.OpenConnectionAsync();
            if (provider == DatabaseProvider.PostgreSql)
            {
                // On an empty table the planner rightly prefers a scan; forbidding it shows whether an index can serve.
                await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
            }

            foreach (var query in lists)
            {
                result.Add(await PlanAsync(db, query.Take(50).Select(t => t.Id), provider));
            }

            return result;
        });

        Assert.All(plans, plan =>
        {
            Assert.Contains("ix_tasks_", plan, StringComparison.Ordinal);
            Assert.DoesNotContain(provider == DatabaseProvider.Sqlite ? "SCAN t\n" : "Seq Scan on tasks", plan + "\n", StringComparison.Ordinal);
        });
    }

    private static async Task<string> PlanAsync(FollowthroughDb db, IQueryable<int> query, DatabaseProvider provider)
    {
        await using var command = query.CreateDbCommand();
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
}
