using Followthrough.Evaluation;
using Followthrough.Storage;
using Followthrough.Storage.Migrations;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Evaluation;

/// <summary>
/// The bulletin's passes over the tasks due in a period are range scans of <c>evaluation_tasks_due</c>, never a read of
/// the whole tasks table: checked on each database's own query plan for the SQL the bulletin sends. Speed itself is
/// measured in bench/ (BulletinBenchmarks), not here.
/// </summary>
public sealed class BulletinQueryPlanTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task BulletinPasses_ScanTheDueRange_OfTheEvaluationIndex(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await new MigrationRunner(database.Settings).MigrateAsync();
        var plans = await CoreServices.WithServicesAsync(database.Settings, async sp =>
        {
            var db = sp.GetRequiredService<FollowthroughDb>();
            var sql = new BulletinSql(provider == DatabaseProvider.Sqlite);
            await db.Database.OpenConnectionAsync();
            if (provider == DatabaseProvider.PostgreSql)
            {
                // On an empty table the planner rightly prefers a scan; forbidding it shows whether an index can serve.
                await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
            }

            var result = new List<string>();
            foreach (var text in new[] { sql.Tasks, sql.Reports })
            {
                result.Add(await PlanAsync(db, text, provider));
            }

            return result;
        });

        Assert.All(plans, plan =>
        {
            Assert.Contains("evaluation_tasks_due", plan, StringComparison.Ordinal);
            Assert.DoesNotContain(provider == DatabaseProvider.Sqlite ? "SCAN t\n" : "Seq Scan on tasks", plan + "\n", StringComparison.Ordinal);
        });

        // The main pass reads nothing but the index.
        Assert.Contains(provider == DatabaseProvider.Sqlite ? "COVERING INDEX evaluation_tasks_due" : "Index Only Scan using evaluation_tasks_due", plans[0], StringComparison.Ordinal);
    }

    private static async Task<string> PlanAsync(FollowthroughDb db, string text, DatabaseProvider provider)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = (provider == DatabaseProvider.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + text;
        foreach (var (name, value) in BulletinSql.Parameters(new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31), new DateOnly(2025, 3, 10)))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetValue(reader.FieldCount - 1)?.ToString() ?? string.Empty);
        }

        return string.Join('\n', lines);
    }
}
