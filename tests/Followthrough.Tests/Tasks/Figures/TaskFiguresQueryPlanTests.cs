using Followthrough.Storage;
using Followthrough.Tasks;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Tests.Tasks.Figures;

/// <summary>
/// The passes of the bulletin's task figures over the tasks due in a period are range scans of <c>evaluation_tasks_due</c>, never a read of
/// the whole tasks table: checked on each database's own query plan for the SQL the bulletin sends. Speed itself is
/// measured in bench/ (BulletinBenchmarks), not here.
/// </summary>
public sealed class TaskFiguresQueryPlanTests
{
    public static TheoryData<DatabaseProvider> Providers => QueryPlans.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task BulletinFigurePasses_ScanTheDueRange_OfTheEvaluationIndex(DatabaseProvider provider)
    {
        var plans = await QueryPlans.WithEmptyDatabaseAsync(provider, async (_, db) =>
        {
            var sql = new TaskFiguresSql(provider == DatabaseProvider.Sqlite);
            var result = new List<string>();
            foreach (var text in new[] { sql.Tasks, sql.Reports })
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = text;
                foreach (var (name, value) in TaskFiguresSql.Parameters(new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31), new DateOnly(2025, 3, 10)))
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = "@" + name;
                    parameter.Value = value;
                    command.Parameters.Add(parameter);
                }

                result.Add(await QueryPlans.ExplainAsync(db, command, provider));
            }

            return result;
        });

        Assert.All(plans, plan => Assert.False(QueryPlans.ScansTasks(plan, provider), plan));
        Assert.Contains("evaluation_tasks_due", plans[0], StringComparison.Ordinal);

        // The reports pass reads only tasks without a summary: through the due range, or through the index of the tasks
        // without a summary (migration 0013), whichever the planner finds smaller.
        Assert.True(plans[1].Contains("evaluation_tasks_due", StringComparison.Ordinal) || plans[1].Contains("evaluation_tasks_unsummarized", StringComparison.Ordinal), plans[1]);

        // The main pass reads nothing but the index (the answered periods come from the tasks' summaries, which it holds);
        // the few tasks whose reports it still looks at are found by task in the reports' index, never by a scan.
        Assert.Contains(provider == DatabaseProvider.Sqlite ? "COVERING INDEX evaluation_tasks_due" : "Index Only Scan using evaluation_tasks_due", plans[0], StringComparison.Ordinal);
        Assert.Contains("ix_progress_reports_task", plans[0], StringComparison.Ordinal);
        Assert.DoesNotContain(provider == DatabaseProvider.Sqlite ? "SCAN r\n" : "Seq Scan on progress_reports", plans[0] + "\n", StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SummaryFill_FindsTheTasksWithoutASummary_InItsPartialIndex(DatabaseProvider provider)
    {
        var plan = await QueryPlans.WithEmptyDatabaseAsync(provider, async (_, db) =>
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = ReportedPeriodSummaries.NextBatch(provider == DatabaseProvider.PostgreSql);
            foreach (var (name, value) in new[] { ("@after", 0), ("@batch", 5000) })
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            return await QueryPlans.ExplainAsync(db, command, provider);
        });

        Assert.Contains("evaluation_tasks_unsummarized", plan, StringComparison.Ordinal);
        Assert.False(QueryPlans.ScansTasks(plan, provider), plan);
    }
}
