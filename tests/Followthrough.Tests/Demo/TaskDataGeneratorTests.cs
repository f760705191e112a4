using System.Globalization;
using System.Text.RegularExpressions;
using Followthrough.Demo;
using Followthrough.Storage;
using Followthrough.Tasks;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Demo;

/// <summary>followthrough demo generate on both databases: counts, shapes, and hot columns that agree with the rules.</summary>
public sealed partial class TaskDataGeneratorTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Generate_SmallN_WritesTheCountsAsked_WithHotColumnsAsTheRulesComputeThem(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Task<CliResult> Run(params string[] args) => CliRun.RunAsync(database.ConnectionString, [.. args, "--data-folder", database.Folder]);
        var today = new DateOnly(2026, 3, 1);

        // 1,234 tasks: not a multiple of the batch or of the 100-task state pattern; 9,000 reports over 1,085 eligible tasks.
        var result = await Run("demo", "generate", "--tasks", "1234", "--reports", "9000", "--units", "7", "--today", "2026-03-01");
        Assert.True(result.ExitCode == 0, result.All);
        var counts = GeneratedLine().Match(result.Output);
        Assert.True(counts.Success, result.Output);

        await CoreServices.WithServicesAsync(database.Settings, async services =>
        {
            var db = services.GetRequiredService<FollowthroughDb>();
            var tasks = await db.Set<WorkTask>().AsNoTracking().Where(t => t.Code.StartsWith(TaskDataGenerator.TaskPrefix)).Include(t => t.TimeNodes).AsSplitQuery().ToListAsync();
            Assert.Equal(1234, tasks.Count);
            Assert.Equal(7, await db.Set<Followthrough.Organization.Unit>().CountAsync(u => u.Code.StartsWith(TaskDataGenerator.UnitPrefix)));
            Assert.Equal(7, tasks.Select(t => t.LeadUnitId).Distinct().Count());
            // Every unit has work in every state, so any unit's inbox has something in each list.
            Assert.All(tasks.GroupBy(t => t.LeadUnitId), unit => Assert.Equal(6, unit.Select(t => t.State).Distinct().Count()));
            var reports = await db.Set<ProgressReport>().AsNoTracking().Select(r => new { r.TaskId, r.ReportedOn, r.Percent, r.ClaimsCompletion }).ToListAsync();
            Assert.Equal(9000, reports.Count);
            Assert.Equal(long.Parse(counts.Groups["nodes"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture), tasks.Sum(t => t.TimeNodes.Count));
            Assert.Equal(long.Parse(counts.Groups["partners"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture), await db.Set<TaskPartner>().CountAsync());

            // States in the stated proportions: 12 full hundreds and 34 more.
            Assert.Equal((12 * 60) + 34, tasks.Count(t => t.State == TaskState.Closed));
            Assert.Equal(12 * 2, tasks.Count(t => t.State == TaskState.Draft));

            var reportsOf = reports.ToLookup(r => r.TaskId);
            foreach (var task in tasks)
            {
                var own = reportsOf[task.Id].OrderBy(r => r.ReportedOn).ToList();
                // The stored hot columns are what the product's own rule computes from the stored rows.
                var check = new WorkTask { Code = task.Code, Title = task.Title, State = task.State, Deadline = task.Deadline, AssignedOn = task.AssignedOn, ReportingCadence = task.ReportingCadence };
                check.TimeNodes.AddRange(task.TimeNodes);
                check.RefreshDue(own.Select(r => r.ReportedOn), today);
                Assert.Equal((check.NextDue, check.NextReportDue), (task.NextDue, task.NextReportDue));
                Assert.Equal(task.State.IsRunning(), task.NextDue is not null);

                // Reports come after signing for; the latest one gives the task its percent; a closed task's last one claims completion.
                Assert.Equal(task.State is TaskState.InProgress or TaskState.CompletionClaimed or TaskState.Closed, own.Count > 0);
                if (own.Count > 0)
                {
                    Assert.All(own, r => Assert.True(r.ReportedOn > task.SignedOn));
                    Assert.Equal(own[^1].Percent, task.Percent);
                    Assert.Equal(own[^1].ReportedOn, task.LastReportOn);
                    Assert.Equal(task.State is TaskState.Closed or TaskState.CompletionClaimed, own[^1].ClaimsCompletion);
                }
            }

            // The bulletin's summaries of answered reporting periods were filled at the end, as the reports say.
            var summaries = (await db.Database.SqlQuery<TaskSummary>($"SELECT id AS \"Id\", reported_periods AS \"ReportedPeriods\" FROM tasks").ToListAsync())
                .ToDictionary(t => t.Id, t => t.ReportedPeriods);
            var answered = (await db.Set<ProgressReport>().AsNoTracking().Where(r => r.ReturnedAt == null).Select(r => new { r.TaskId, r.ReportedOn }).ToListAsync())
                .ToLookup(r => r.TaskId, r => r.ReportedOn);
            Assert.All(tasks, task => Assert.Equal(
                (task.Code, Followthrough.Tasks.ReportedPeriods.Summarize(task.ReportingCadence, task.AssignedOn, task.Deadline, answered[task.Id])),
                (task.Code, summaries[task.Id])));
            Assert.Contains(summaries.Values, s => s is { Length: > 2 });

            // Some of the running tasks are overdue today, and the overdue list finds exactly those.
            var overdue = tasks.Count(t => t.NextDue < today);
            Assert.InRange(overdue, 1, tasks.Count - 1);
            return 0;
        });

        // A second run adds to the first with new ids and codes.
        var again = await Run("demo", "generate", "--tasks", "10", "--units", "7", "--today", "2026-03-01");
        Assert.True(again.ExitCode == 0, again.All);
        Assert.Contains("0 new units", again.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "--tasks must be a whole number from 1")]
    [InlineData("-5", "--tasks must be a whole number from 1")]
    [InlineData("30000000", "--tasks must be a whole number from 1")]
    [InlineData("many", "many")]
    public async Task Generate_BadN_IsRefusedWithASentenceNamingTheOption(string tasks, string message)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var result = await CliRun.RunAsync(database.ConnectionString, "demo", "generate", "--tasks", tasks, "--data-folder", database.Folder);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    private sealed class TaskSummary
    {
        public int Id { get; set; }

        public string? ReportedPeriods { get; set; }
    }

    [GeneratedRegex(@"(?<nodes>[\d,]+) time nodes, (?<partners>[\d,]+) co-operating units")]
    private static partial Regex GeneratedLine();
}
