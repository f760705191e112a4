using Followthrough.Evaluation;
using Followthrough.Storage;
using Followthrough.Tasks;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Evaluation;

/// <summary>
/// The tasks' summaries of answered reporting periods (tasks.reported_periods, migration 0012): the fill writes what the
/// reports say, running it again changes nothing, and any writer that changes a task's reports or schedule, even with
/// plain SQL behind the application's back, clears the summary, so the bulletin reads the reports and still counts right.
/// On the hand-checked fixture (<see cref="BulletinFixture"/>): reports due 5, on time 3 in 2025Q1.
/// </summary>
public abstract class BulletinSummaryTests(AppFixture app)
{
    private static string NewCode() => "EVS-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    /// <summary>The fixture's unit and its tasks by letter.</summary>
    private Task<(int Unit, Dictionary<string, int> Tasks)> FixtureAsync() => WithDbAsync(async db =>
    {
        var code = NewCode();
        var unit = await BulletinFixture.AddAsync(db, code);
        var tasks = await db.Set<WorkTask>().Where(t => t.LeadUnitId == unit.Id).ToDictionaryAsync(t => t.Code[(code.Length + 1)..], t => t.Id);
        return (unit.Id, tasks);
    });

    private Task<T> WithDbAsync<T>(Func<FollowthroughDb, Task<T>> work) => app.WithServicesAsync(sp => work(sp.GetRequiredService<FollowthroughDb>()));

    private Task<int> SqlAsync(FormattableString sql) => WithDbAsync(db => db.Database.ExecuteSqlAsync(sql));

    private Task<string?> SummaryAsync(int taskId) => WithDbAsync(db => Summaries.OfAsync(db, taskId));

    private Task<int> FillAsync(int unitId) => WithDbAsync(db => Summaries.FillAsync(db, unitId));

    /// <summary>The unit's (reports due, reports on time) in 2025Q1 on the fixture's day.</summary>
    private Task<(int Due, int OnTime)> ReportsAsync(int unitId) => WithDbAsync(async db =>
    {
        Assert.True(EvaluationPeriod.TryParse("2025Q1", out var period, out var error), error);
        var bulletin = await BulletinFixture.Builder(db).BuildAsync(period, BulletinFixture.Today);
        var figures = bulletin.Rows.Single(r => r.UnitId == unitId).Figures;
        return (figures.ReportsDue, figures.ReportsOnTime);
    });

    [Fact]
    public async Task Fill_WritesTheAnsweredPeriods_CountedByHand_AndAgainWritesNothing()
    {
        var (unit, tasks) = await FixtureAsync();
        Assert.True(await FillAsync(unit) >= tasks.Count);

        // Monthly; the part-month of assignment folds into the next month (BulletinFixture has the reports):
        // A from January 2025, answered January; C from November 2024 (assigned on the 1st), answered November, December
        // and February; D from February, its February report returned, March answered; E from February, answered.
        var expected = new Dictionary<string, string>
        {
            ["A"] = "1", ["B"] = string.Empty, ["C"] = "1101", ["D"] = "01", ["E"] = "1", ["F"] = string.Empty, ["G"] = string.Empty, ["H"] = string.Empty,
        };
        foreach (var (letter, text) in expected)
        {
            Assert.Equal((letter, text), (letter, await SummaryAsync(tasks[letter])));
        }

        Assert.Equal(0, await WithDbAsync(db => new ReportedPeriodSummaries(db).FillAsync()));
        foreach (var (letter, text) in expected)
        {
            Assert.Equal((letter, text), (letter, await SummaryAsync(tasks[letter])));
        }

        Assert.Equal((5, 3), await ReportsAsync(unit));
    }

    [Fact]
    public async Task ReportsChangedWithPlainSql_ClearTheSummary_AndTheBulletinCountsThem()
    {
        var (unit, tasks) = await FixtureAsync();
        await FillAsync(unit);
        Assert.Equal((5, 3), await ReportsAsync(unit));

        // C's missing January report, added behind the application's back: January is now answered on time.
        await SqlAsync($"INSERT INTO progress_reports (task_id, reported_on, reported_at, reported_by_name, percent) VALUES ({tasks["C"]}, {new DateOnly(2025, 1, 15)}, {new DateTime(2025, 1, 15, 2, 0, 0, DateTimeKind.Utc)}, 'bulk load', 60)");
        Assert.Null(await SummaryAsync(tasks["C"]));
        Assert.Equal("1", await SummaryAsync(tasks["A"]));
        Assert.Equal((5, 4), await ReportsAsync(unit));
        await FillAsync(unit);
        Assert.Equal("1111", await SummaryAsync(tasks["C"]));
        Assert.Equal((5, 4), await ReportsAsync(unit));

        // A's only report returned: its January period is no longer answered.
        await SqlAsync($"UPDATE progress_reports SET returned_at = {new DateTime(2025, 1, 21, 2, 0, 0, DateTimeKind.Utc)}, returned_by_name = 'supervisor' WHERE task_id = {tasks["A"]}");
        Assert.Null(await SummaryAsync(tasks["A"]));
        Assert.Equal((5, 3), await ReportsAsync(unit));
        await FillAsync(unit);
        Assert.Equal(string.Empty, await SummaryAsync(tasks["A"]));
        Assert.Equal((5, 3), await ReportsAsync(unit));

        // E's report deleted.
        await SqlAsync($"DELETE FROM progress_reports WHERE task_id = {tasks["E"]}");
        Assert.Null(await SummaryAsync(tasks["E"]));
        Assert.Equal((5, 2), await ReportsAsync(unit));
        await FillAsync(unit);
        Assert.Equal((5, 2), await ReportsAsync(unit));

        // C's February report moved to D: February is missing for C and answered for D; both summaries are cleared.
        await SqlAsync($"UPDATE progress_reports SET task_id = {tasks["D"]} WHERE task_id = {tasks["C"]} AND reported_on = {new DateOnly(2025, 2, 10)}");
        Assert.Null(await SummaryAsync(tasks["C"]));
        Assert.Null(await SummaryAsync(tasks["D"]));
        Assert.Equal((5, 2), await ReportsAsync(unit));
        await FillAsync(unit);
        Assert.Equal(("111", "11"), (await SummaryAsync(tasks["C"]), await SummaryAsync(tasks["D"])));
        Assert.Equal((5, 2), await ReportsAsync(unit));
    }

    [Fact]
    public async Task CadenceAssignmentOrDeadlineChanged_ClearTheSummary_OtherChangesKeepIt()
    {
        var (unit, tasks) = await FixtureAsync();
        await FillAsync(unit);

        await SqlAsync($"UPDATE tasks SET title = 'Renamed fixture task', percent = 70 WHERE id = {tasks["A"]}");
        Assert.Equal("1", await SummaryAsync(tasks["A"]));
        await SqlAsync($"UPDATE tasks SET deadline = deadline WHERE id = {tasks["A"]}");
        Assert.Equal("1", await SummaryAsync(tasks["A"]));

        await SqlAsync($"UPDATE tasks SET reporting_cadence = 'Weekly' WHERE id = {tasks["A"]}");
        await SqlAsync($"UPDATE tasks SET assigned_on = {new DateOnly(2024, 12, 1)} WHERE id = {tasks["C"]}");
        await SqlAsync($"UPDATE tasks SET deadline = {new DateOnly(2025, 3, 28)} WHERE id = {tasks["D"]}");
        await SqlAsync($"UPDATE tasks SET reporting_cadence = 'OnTimeNodes' WHERE id = {tasks["E"]}");
        foreach (var letter in new[] { "A", "C", "D", "E" })
        {
            Assert.Equal((letter, (string?)null), (letter, await SummaryAsync(tasks[letter])));
        }

        Assert.Equal("", await SummaryAsync(tasks["B"]));

        // The bulletin reads the changed tasks' reports until the fill summarizes them again; the figures are the same.
        var read = await ReportsAsync(unit);
        await FillAsync(unit);
        Assert.Equal("1", await SummaryAsync(tasks["E"])); // one time-node period, answered before the deadline
        Assert.Equal("101", await SummaryAsync(tasks["C"])); // from December (assigned on the 1st): the November and December reports answer December; February
        Assert.Equal(read, await ReportsAsync(unit));
    }

    /// <summary>
    /// A report returned while the fill is writing its task's summary (from reports read before the return) waits for the
    /// fill's transaction, then clears what it wrote: SQLite has one writer at a time; on PostgreSQL the fill holds the
    /// task FOR UPDATE and the trigger's lock waits for it (a return, unlike a new report, takes no foreign-key lock).
    /// </summary>
    [Fact]
    public async Task ReportReturnedWhileTheFillWrites_WaitsForIt_ThenClearsTheSummary()
    {
        var (unit, tasks) = await FixtureAsync();
        await WithDbAsync(async fill =>
        {
            await using (var transaction = await fill.Database.BeginTransactionAsync())
            {
                // What a fill batch does: lock the task (PostgreSQL), read its reports, write the summary.
                if (!fill.Database.IsSqlite())
                {
                    await fill.Database.ExecuteSqlAsync($"SELECT id FROM tasks WHERE id = {tasks["C"]} FOR UPDATE");
                }

                await fill.Database.ExecuteSqlAsync($"UPDATE tasks SET reported_periods = '1101' WHERE id = {tasks["C"]}");

                // On a thread of its own: Microsoft.Data.Sqlite waits for the write lock synchronously.
                var returned = Task.Run(() => SqlAsync(
                    $"UPDATE progress_reports SET returned_at = {new DateTime(2025, 2, 11, 2, 0, 0, DateTimeKind.Utc)}, returned_by_name = 'another instance' WHERE task_id = {tasks["C"]} AND reported_on = {new DateOnly(2025, 2, 10)}"));
                await Task.Delay(TimeSpan.FromMilliseconds(500));
                Assert.False(returned.IsCompleted, "the return should wait for the fill's transaction");
                await transaction.CommitAsync();
                Assert.Equal(1, await returned);
            }

            return 0;
        });

        // C's February report no longer counts: January and February missing.
        Assert.Null(await SummaryAsync(tasks["C"]));
        Assert.Equal((5, 2), await ReportsAsync(unit));
    }

    [Fact]
    public async Task ReportWrittenThroughTheApplication_ClearsTheSummary()
    {
        var (unit, tasks) = await FixtureAsync();
        await FillAsync(unit);
        await WithDbAsync(async db =>
        {
            db.Set<ProgressReport>().Add(new ProgressReport
            {
                TaskId = tasks["C"], ReportedOn = new DateOnly(2025, 1, 31), ReportedAt = new DateTime(2025, 1, 31, 2, 0, 0, DateTimeKind.Utc), ReportedByName = "unit staff", Percent = 55,
            });
            return await db.SaveChangesAsync();
        });
        Assert.Null(await SummaryAsync(tasks["C"]));
        Assert.Equal((5, 4), await ReportsAsync(unit));
    }
}

public sealed class SqliteBulletinSummaryTests(SqliteApp app) : BulletinSummaryTests(app), IClassFixture<SqliteApp>;

public sealed class PostgreSqlBulletinSummaryTests(PostgreSqlApp app) : BulletinSummaryTests(app), IClassFixture<PostgreSqlApp>;
