using Followthrough.Storage;
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
    public static TheoryData<DatabaseProvider> Providers => QueryPlans.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task InboxAndBoardLists_UseAnIndex_ForTheirPageAndTheirCount(DatabaseProvider provider)
    {
        var plans = await QueryPlans.WithEmptyDatabaseAsync(provider, async (sp, db) =>
        {
            var queries = sp.GetRequiredService<TaskListReader>();
            var today = new DateOnly(2025, 6, 2);
            var lists = queries.InboxQueries(7, today, today.AddDays(5)).Concat(queries.BoardQueries(today, today.AddDays(5))).ToList();
            var result = new List<string>();
            foreach (var query in lists)
            {
                await using var command = query.Take(50).Select(t => t.Id).CreateDbCommand();
                result.Add(await QueryPlans.ExplainAsync(db, command, provider));
            }

            return result;
        });

        Assert.All(plans, plan =>
        {
            Assert.Contains("ix_tasks_", plan, StringComparison.Ordinal);
            Assert.False(QueryPlans.ScansTasks(plan, provider), plan);
        });
    }
}
