using Followthrough.Storage;
using Followthrough.Tasks;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Tests.Supervision;

/// <summary>
/// The daily run's two passes read their tasks from the hot columns' indexes in index order and skip settled tasks by
/// the settled table's key, never reading the whole tasks table: checked on each database's plan for the SQL EF Core
/// sends. Speed itself is measured in bench/.
/// </summary>
public sealed class SupervisionQueryPlanTests
{
    public static TheoryData<DatabaseProvider> Providers => QueryPlans.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task BothPasses_UseTheirDueIndex_AndTheSettledKey(DatabaseProvider provider)
    {
        var day = new DateOnly(2026, 3, 2);
        var plans = await QueryPlans.WithEmptyDatabaseAsync(provider, async (_, db) =>
        {
            var result = new List<string>();
            foreach (var query in new[] { SupervisedTasks.DuePage(db, day.AddDays(5), "5,10", day.AddDays(-30), 42), SupervisedTasks.ReportPage(db, day, day.AddDays(-30), 42) })
            {
                await using var command = query.Take(1000).CreateDbCommand();
                result.Add(await QueryPlans.ExplainAsync(db, command, provider));
            }

            return result;
        });

        Assert.Contains("ix_tasks_next_due", plans[0], StringComparison.Ordinal);
        Assert.Contains("ix_tasks_next_report_due", plans[1], StringComparison.Ordinal);
        Assert.All(plans, plan =>
        {
            Assert.False(QueryPlans.ScansTasks(plan, provider), plan);
            // SQLite: task_id is the table's integer primary key, so the lookup is by row id.
            Assert.Contains(provider == DatabaseProvider.Sqlite ? "SEARCH s USING INTEGER PRIMARY KEY" : "supervision_settled_pkey", plan, StringComparison.Ordinal);
        });
    }
}
