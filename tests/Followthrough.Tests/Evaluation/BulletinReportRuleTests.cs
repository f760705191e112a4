using Followthrough.Evaluation;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Tasks;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Evaluation;

/// <summary>
/// The bulletin counts reporting periods in SQL; <see cref="ReportSchedule"/> is the rule. On a few hundred varied
/// tasks (every cadence, assignment on and off period starts, completion on period ends, reports before assignment,
/// after completion, returned, several in one period) the bulletin's reports due and on time must equal what the rule
/// gives task by task, for several periods and "today"s, on both databases.
/// </summary>
public abstract class BulletinReportRuleTests(AppFixture app)
{
    private static readonly ReportingCadence[] Cadences =
        [ReportingCadence.Weekly, ReportingCadence.Monthly, ReportingCadence.Quarterly, ReportingCadence.OnTimeNodes];

    private static readonly TaskState[] States =
        [TaskState.Assigned, TaskState.SignedFor, TaskState.InProgress, TaskState.CompletionClaimed, TaskState.Closed, TaskState.Closed];

    /// <param name="summarized">With the tasks' summaries of answered periods filled (the bulletin reads them), or
    /// cleared (the bulletin reads the reports).</param>
    [Theory]
    [InlineData(11, false)]
    [InlineData(11, true)]
    [InlineData(29, false)]
    [InlineData(29, true)]
    public async Task ReportFigures_OnVariedSchedules_EqualTheScheduleRuleTaskByTask(int seed, bool summarized)
    {
        var code = "EVR-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var unitId = await app.WithServicesAsync(sp => SeedAsync(sp.GetRequiredService<FollowthroughDb>(), code, new Random(seed)));
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<FollowthroughDb>();
            await (summarized ? Summaries.FillAsync(db, unitId) : Summaries.ForgetAsync(db, unitId));
            return 0;
        });

        foreach (var (periodText, today) in new[]
        {
            ("2025Q1", new DateOnly(2025, 3, 10)),
            ("2025Q1", new DateOnly(2025, 7, 1)),
            ("2025-02", new DateOnly(2025, 2, 28)),
            ("2025-03", new DateOnly(2025, 4, 1)),
            ("2025", new DateOnly(2025, 12, 31)),
            ("2025-01-15..2025-05-04", new DateOnly(2025, 5, 4)),
        })
        {
            Assert.True(EvaluationPeriod.TryParse(periodText, out var period, out var error), error);
            var (bulletin, expected) = await app.WithServicesAsync(async sp =>
            {
                var db = sp.GetRequiredService<FollowthroughDb>();
                var built = await BulletinFixture.Builder(db).BuildAsync(period, today);
                return (built, await ByTheRuleAsync(db, unitId, period, today));
            });

            var figures = bulletin.Rows.SingleOrDefault(r => r.UnitId == unitId)?.Figures;
            Assert.True(expected.Due > 0, $"{periodText}: the seed should owe some reports");
            Assert.Equal((periodText, today, expected.Due, expected.OnTime), (periodText, today, figures?.ReportsDue ?? 0, figures?.ReportsOnTime ?? 0));
        }
    }

    /// <summary>The bulletin's reporting rule applied task by task, as the bulletin computed it before it moved to SQL.</summary>
    private static async Task<(int Due, int OnTime)> ByTheRuleAsync(FollowthroughDb db, int unitId, EvaluationPeriod period, DateOnly today)
    {
        var tasks = await db.Set<WorkTask>().AsNoTracking()
            .Where(t => t.LeadUnitId == unitId && t.Deadline >= period.From && t.Deadline <= period.To
                && t.State != TaskState.Draft && t.State != TaskState.Returned && t.State != TaskState.Cancelled
                && t.AssignedOn != null && t.SignedOn != null)
            .ToListAsync();
        var ids = tasks.Select(t => t.Id).ToList();
        var dates = (await db.Set<ProgressReport>().AsNoTracking().Where(r => r.ReturnedAt == null && ids.Contains(r.TaskId)).ToListAsync())
            .ToLookup(r => r.TaskId, r => r.ReportedOn);
        var (due, onTime) = (0, 0);
        foreach (var task in tasks)
        {
            var completed = task.CompletionClaimedOn ?? task.ClosedOn;
            var last = completed is { } c && c < today ? c : today;
            var owed = ReportSchedule.Periods(task.ReportingCadence, task.AssignedOn!.Value, dates[task.Id], last, deadline: task.Deadline)
                .Where(p => p.End >= period.From && p.End <= period.To && p.End < today && p.End <= last && p.Status != ReportPeriodStatus.Open)
                .ToList();
            due += owed.Count;
            onTime += owed.Count(p => p.Status == ReportPeriodStatus.OnTime);
        }

        return (due, onTime);
    }

    private static async Task<int> SeedAsync(FollowthroughDb db, string code, Random random)
    {
        var unit = new Unit { Code = code, NameZh = "报告规则样例局", NameEn = "Report Rule Bureau", Kind = UnitKind.Bureau };
        db.Set<Unit>().Add(unit);
        await db.SaveChangesAsync();

        var start = new DateOnly(2024, 12, 1);
        DateOnly Day(DateOnly from, int days) => from.AddDays(random.Next(days));

        // Days that end or start a period, where the rule's edges are.
        DateOnly Edge(DateOnly near) => random.Next(4) switch
        {
            0 => new DateOnly(near.Year, near.Month, 1).AddMonths(1).AddDays(-1),
            1 => new DateOnly(near.Year, near.Month, 1),
            2 => near.AddDays(-(((int)near.DayOfWeek + 6) % 7)),
            _ => near.AddDays(6 - (((int)near.DayOfWeek + 6) % 7)),
        };

        var tasks = new List<WorkTask>();
        for (var i = 0; i < 240; i++)
        {
            var deadline = Day(start, 420);
            var state = States[random.Next(States.Length)];
            var assigned = random.Next(5) == 0 ? Edge(Day(start.AddDays(-90), 200)) : Day(start.AddDays(-120), 240);
            DateOnly? completed = state is TaskState.CompletionClaimed or TaskState.Closed
                ? (random.Next(3) == 0 ? Edge(Day(assigned, 200)) : Day(assigned.AddDays(-3), 220))
                : null;
            if (random.Next(6) == 0)
            {
                deadline = completed ?? deadline; // completed on the deadline: a time-node period's edge
            }

            var claimed = random.Next(4) == 0 ? null : completed;
            tasks.Add(new WorkTask
            {
                Code = $"{code}-{i}",
                Title = $"Report rule task {i}",
                LeadUnitId = unit.Id,
                Deadline = deadline,
                State = state,
                AssignedOn = assigned,
                SignedOn = random.Next(12) == 0 ? null : assigned.AddDays(1),
                CompletionClaimedOn = claimed,
                ClosedOn = state == TaskState.Closed ? completed!.Value.AddDays(claimed is null ? 0 : 2) : null,
                ReportingCadence = Cadences[random.Next(Cadences.Length)],
            });
        }

        // Completed on the last day of a period that only later reports answer, late (the rule's hardest edge).
        var edges = new (ReportingCadence Cadence, DateOnly Assigned, DateOnly Completed, DateOnly[] Reports)[]
        {
            (ReportingCadence.Monthly, new(2024, 12, 2), new(2025, 2, 28), [new(2025, 1, 10), new(2025, 3, 5), new(2025, 3, 10)]),
            (ReportingCadence.Weekly, new(2025, 1, 6), new(2025, 2, 16), [new(2025, 2, 18), new(2025, 2, 19), new(2025, 2, 20), new(2025, 3, 20)]),
            (ReportingCadence.Quarterly, new(2024, 10, 1), new(2025, 3, 31), [new(2025, 4, 2), new(2025, 4, 3), new(2025, 4, 4)]),
            (ReportingCadence.OnTimeNodes, new(2025, 1, 6), new(2025, 3, 7), [new(2025, 3, 12)]),
        };
        var edgeTasks = edges.Select((e, i) => new WorkTask
        {
            Code = $"{code}-E{i}",
            Title = $"Report rule edge {i}",
            LeadUnitId = unit.Id,
            Deadline = e.Completed,
            State = TaskState.Closed,
            AssignedOn = e.Assigned,
            SignedOn = e.Assigned.AddDays(1),
            CompletionClaimedOn = e.Completed,
            ClosedOn = e.Completed.AddDays(3),
            ReportingCadence = e.Cadence,
        }).ToList();
        db.Set<WorkTask>().AddRange(tasks);
        db.Set<WorkTask>().AddRange(edgeTasks);
        await db.SaveChangesAsync();
        foreach (var (task, on) in edgeTasks.Zip(edges).SelectMany(p => p.Second.Reports.Select(on => (p.First, on))))
        {
            db.Set<ProgressReport>().Add(new ProgressReport
            {
                TaskId = task.Id, ReportedOn = on, ReportedAt = on.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc), ReportedByName = "rule test", Percent = 90,
            });
        }

        foreach (var task in tasks)
        {
            var end = (task.CompletionClaimedOn ?? task.ClosedOn ?? task.Deadline!.Value).AddDays(40);
            for (var r = random.Next(9); r > 0; r--)
            {
                var on = random.Next(4) == 0 ? Edge(Day(task.AssignedOn!.Value.AddDays(-10), 300)) : Day(task.AssignedOn!.Value.AddDays(-10), Math.Max(1, end.DayNumber - task.AssignedOn!.Value.DayNumber + 10));
                BulletinFixture.Report(db, task, on, returned: random.Next(8) == 0);
            }
        }

        await db.SaveChangesAsync();
        return unit.Id;
    }
}

public sealed class SqliteBulletinReportRuleTests(SqliteApp app) : BulletinReportRuleTests(app), IClassFixture<SqliteApp>;

public sealed class PostgreSqlBulletinReportRuleTests(PostgreSqlApp app) : BulletinReportRuleTests(app), IClassFixture<PostgreSqlApp>;
