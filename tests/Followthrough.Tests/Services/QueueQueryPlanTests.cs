using Followthrough.Services.Applications;
using Followthrough.Storage;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Tests.Services;

/// <summary>
/// A unit's queue walks an index in its own order and stops at the page's end instead of sorting every matching row
/// (issue 15: with ten million applications the sort took 0.3 s on SQLite and 1.8 s on PostgreSQL): the open queue by
/// the partial index of open applications, whose condition must stay the one EF Core writes for SQLite to use it.
/// Checked on each database's plan for the SQL EF Core sends; speed itself is measured in bench/.
/// </summary>
public sealed class QueueQueryPlanTests
{
    public static TheoryData<DatabaseProvider> Providers => QueryPlans.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TheOpenQueue_WalksThePartialIndex_AndOneState_NeedsNoSort(DatabaseProvider provider)
    {
        var plans = await QueryPlans.WithEmptyDatabaseAsync(provider, async (_, db) =>
        {
            var result = new List<string>();
            foreach (var state in new ApplicationState?[] { null, ApplicationState.Delivered })
            {
                await using var command = ApplicationQueue.WithDueDate(db, 7, state).CreateDbCommand();
                result.Add(await QueryPlans.ExplainAsync(db, command, provider));
            }

            return result;
        });

        Assert.Contains("ix_service_applications_open", plans[0], StringComparison.Ordinal);
        Assert.All(plans, plan =>
        {
            Assert.DoesNotContain(provider == DatabaseProvider.Sqlite ? "TEMP B-TREE" : "Sort", plan, StringComparison.Ordinal);
            Assert.DoesNotContain(provider == DatabaseProvider.Sqlite ? "SCAN s" : "Seq Scan", plan, StringComparison.Ordinal);
        });
    }
}
