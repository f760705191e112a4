using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Tasks;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Tasks.Figures;

/// <summary>
/// Where a task stands is written once, in <see cref="TaskStanding.Compute"/>; the bulletin's figures count it in SQL.
/// On a few hundred varied tasks (every state, deadlines in and around the period and on holidays, completion before, on
/// and after the deadline, claimed or only closed, time nodes reached or not, reports), each led by a unit of its own so
/// the figures are task by task, the SQL's classification (closed on time, closed late, still overdue, awaiting
/// verification, not yet due, not counted) and its working days of delay must equal the standing's, on both databases.
/// The bulletin judges a task against its deadline (<c>BulletinFigures</c>): a missed time node makes the task overdue on
/// the board, not in the bulletin; the test pins that this is the only difference.
/// </summary>
public abstract class TaskFiguresStandingTests(AppFixture app)
{
    private static readonly DateOnly From = new(2025, 1, 1);
    private static readonly DateOnly To = new(2025, 3, 31);
    private static readonly DateOnly LastCompletion = new(2025, 3, 10);

    private static readonly TaskState[] States =
    [
        TaskState.Draft, TaskState.Assigned, TaskState.Returned, TaskState.SignedFor, TaskState.InProgress, TaskState.InProgress,
        TaskState.CompletionClaimed, TaskState.Closed, TaskState.Closed, TaskState.Closed, TaskState.Cancelled,
    ];

    [Theory]
    [InlineData(7)]
    [InlineData(43)]
    public async Task Figures_OnVariedTasks_EqualTheTaskStandingTaskByTask(int seed)
    {
        var code = "FIG-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var unitIds = await app.WithServicesAsync(sp => SeedAsync(sp.GetRequiredService<FollowthroughDb>(), code, new Random(seed)));
        var nodeDriven = 0;
        foreach (var today in new[] { LastCompletion, new DateOnly(2025, 2, 7), new DateOnly(2025, 4, 15) })
        {
            var (figures, withNodes, againstDeadline) = await app.WithServicesAsync(async sp =>
            {
                var db = sp.GetRequiredService<FollowthroughDb>();
                var read = (await new TaskFigures(db, TestCalendar.Instance).ForPeriodAsync(From, To, today)).ToDictionary(f => f.UnitId);

                // Loaded without its time nodes, a task is measured against its deadline alone.
                var nodes = await db.Set<WorkTask>().AsNoTracking().Include(t => t.TimeNodes).Where(t => unitIds.Contains(t.LeadUnitId)).ToListAsync();
                var plain = await db.Set<WorkTask>().AsNoTracking().Where(t => unitIds.Contains(t.LeadUnitId)).ToListAsync();
                return (read, nodes, plain.ToDictionary(t => t.Id));
            });

            var mismatches = new List<string>();
            foreach (var task in withNodes)
            {
                var standing = Standing(task, today);
                var deadlineStanding = Standing(againstDeadline[task.Id], today);
                var expected = Expected(task, deadlineStanding);
                var actual = figures.TryGetValue(task.LeadUnitId, out var f)
                    ? (f.Due, f.ClosedOnTime, f.ClosedLate, f.StillOverdue, f.AwaitingVerification, f.DelayWorkingDays)
                    : (0, 0, 0, 0, 0, 0L);
                if (expected != actual)
                {
                    mismatches.Add($"{today} {task.Code} {task.State} deadline {task.Deadline} claimed {task.CompletionClaimedOn} closed {task.ClosedOn}: "
                        + $"standing {deadlineStanding.Kind} {deadlineStanding.WorkingDaysLate}, expected {expected}, SQL {actual}");
                }

                if (Expected(task, standing) != expected)
                {
                    // Only a running task's unreached time node, due before its deadline and already passed, separates the two.
                    Assert.True(task.State.IsRunning() && standing.DueNode is not null && standing.Kind == StandingKind.Overdue, $"{today} {task.Code}");
                    nodeDriven++;
                }
            }

            Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
            Assert.Contains(figures.Values, f => f.ClosedLate > 0);
            Assert.Contains(figures.Values, f => f.StillOverdue > 0);
        }

        Assert.True(nodeDriven > 0, "the seed should hold tasks whose missed time node the board counts and the bulletin does not");
    }

    private static TaskStanding Standing(WorkTask task, DateOnly today) =>
        TaskStanding.Compute(task, today, TestCalendar.Instance, new TaskOptions());

    /// <summary>What the bulletin's figures should say of a task alone, from its standing.</summary>
    private static (int Due, int OnTime, int Late, int Overdue, int Awaiting, long Delay) Expected(WorkTask task, TaskStanding standing)
    {
        if (task.Deadline is not { } deadline || deadline < From || deadline > To || standing.Kind is StandingKind.NotAssigned or StandingKind.Cancelled)
        {
            return (0, 0, 0, 0, 0, 0);
        }

        return standing.Kind switch
        {
            StandingKind.ClosedOnTime => (1, 1, 0, 0, 0, 0),
            StandingKind.ClosedLate => (1, 0, 1, 0, 0, standing.WorkingDaysLate!.Value),
            StandingKind.Overdue => (1, 0, 0, 1, 0, standing.WorkingDaysLate!.Value),
            StandingKind.AwaitingVerification => (1, 0, 0, 0, 1, 0),
            _ => (1, 0, 0, 0, 0, 0),
        };
    }

    private static async Task<List<int>> SeedAsync(FollowthroughDb db, string code, Random random)
    {
        DateOnly Day(DateOnly from, int days) => from.AddDays(random.Next(days));
        DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

        var units = Enumerable.Range(0, 300).Select(i => new Unit
        {
            Code = $"{code}-{i:D3}", NameZh = "数据样例局", NameEn = "Figures Bureau", Kind = UnitKind.Bureau,
        }).ToList();
        db.Set<Unit>().AddRange(units);
        await db.SaveChangesAsync();

        var tasks = new List<WorkTask>();
        foreach (var (unit, i) in units.Select((u, i) => (u, i)))
        {
            var state = States[random.Next(States.Length)];

            // Deadlines from December to April, across the Spring Festival (28 January – 4 February off on the test calendar),
            // some on "today" (10 March) or the period's edges.
            var deadline = random.Next(10) switch
            {
                0 => LastCompletion,
                1 => random.Next(2) == 0 ? From : To,
                _ => Day(new DateOnly(2024, 12, 1), 150),
            };
            DateOnly? assigned = state == TaskState.Draft ? null : deadline.AddDays(-random.Next(5, 120));
            DateOnly? completed = state is TaskState.CompletionClaimed or TaskState.Closed
                ? Min(LastCompletion, random.Next(5) == 0 ? deadline : deadline.AddDays(random.Next(-25, 25)))
                : null;
            if (completed is { } c && assigned is { } a && c < a)
            {
                completed = a;
            }

            var claimed = state == TaskState.CompletionClaimed || (completed is not null && random.Next(4) != 0) ? completed : null;
            var task = new WorkTask
            {
                Code = $"{code}-{i:D3}",
                Title = $"Figures task {i}",
                LeadUnitId = unit.Id,
                Deadline = deadline,
                State = state,
                AssignedOn = assigned,
                SignedOn = state is TaskState.Draft or TaskState.Assigned ? null : assigned?.AddDays(1),
                CompletionClaimedOn = claimed,
                ClosedOn = state == TaskState.Closed ? Min(LastCompletion, completed!.Value.AddDays(claimed is null ? 0 : random.Next(4))) : null,
                ReportingCadence = (ReportingCadence)random.Next(4),
            };
            for (var n = random.Next(4); n > 0; n--)
            {
                var due = Day(assigned ?? deadline.AddDays(-60), 90);
                task.TimeNodes.Add(new TimeNode
                {
                    Title = $"Node {n}", DueOn = due, ReachedOn = random.Next(2) == 0 ? Min(LastCompletion, due.AddDays(random.Next(-3, 6))) : null,
                });
            }

            tasks.Add(task);
        }

        db.Set<WorkTask>().AddRange(tasks);
        await db.SaveChangesAsync();
        foreach (var task in tasks.Where(t => t.AssignedOn is not null))
        {
            for (var r = random.Next(3); r > 0; r--)
            {
                var on = Min(LastCompletion, Day(task.AssignedOn!.Value, 100));
                db.Set<ProgressReport>().Add(new ProgressReport
                {
                    TaskId = task.Id, ReportedOn = on, ReportedAt = on.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc), ReportedByName = "figures test", Percent = 40,
                });
            }
        }

        await db.SaveChangesAsync();
        return [.. units.Select(u => u.Id)];
    }
}

public sealed class SqliteTaskFiguresStandingTests(SqliteApp app) : TaskFiguresStandingTests(app), IClassFixture<SqliteApp>;

public sealed class PostgreSqlTaskFiguresStandingTests(PostgreSqlApp app) : TaskFiguresStandingTests(app), IClassFixture<PostgreSqlApp>;
