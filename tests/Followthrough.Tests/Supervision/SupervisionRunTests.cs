using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Followthrough.Audit;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Supervision;
using Followthrough.Tasks;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Followthrough.Tests.Supervision;

/// <summary>The daily run on both databases: urging, escalation, reminders, repeats, interruption, the lease, the API.</summary>
public abstract class SupervisionRunTests(AppFixture app)
{
    [Fact]
    public async Task Run_TaskTwelveWorkingDaysLate_UrgesEscalatesListsOnce()
    {
        var leader = await app.CreateUserAsync(Role.Leader);
        var ids = await app.WithServicesAsync(sp => SupervisionTestData.RunningTasksAsync(sp, "DL-FIN", [new DateOnly(2024, 3, 1)], leader.PersonId));
        var day = new DateOnly(2024, 3, 19); // 4-8, 11-15, 18, 19 March: 12 working days late

        var first = await SupervisionTestData.RunAsync(app, day);
        Assert.True(first.Ran);
        var notices = await SupervisionTestData.NoticesAsync(app, ids);
        Assert.Equal(
            [$"task:{ids[0]}:escalate:10", $"task:{ids[0]}:escalate:5", $"task:{ids[0]}:overdue:2024-03-01"],
            notices.Select(n => n.Key).Order(StringComparer.Ordinal));
        var urging = notices.Single(n => n.Kind == NoticeKind.Overdue);
        Assert.Equal(12, urging.WorkingDaysLate);
        Assert.Equal(await app.UnitIdAsync("DL-FIN"), urging.RecipientUnitId);
        Assert.All(notices.Where(n => n.Kind != NoticeKind.Overdue), n => Assert.Equal(leader.PersonId, n.RecipientPersonId));

        await using (var scope = app.Db())
        {
            var task = await scope.Db.Set<WorkTask>().SingleAsync(t => t.Id == ids[0]);
            Assert.Equal(SupervisionLevel.Key, task.SupervisionLevel);
            Assert.True(await scope.Db.Set<SpecialSupervisionItem>().AnyAsync(s => s.TaskId == ids[0] && s.WorkingDaysLate == 12));
            Assert.True(await scope.Db.Set<AuditEntry>().AnyAsync(e => e.Action == "supervision-run" && e.EntityType == "tasks" && e.EntityId == ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var steps = (await SupervisionTestData.EventsAsync(app, ids)).Select(e => e.Action).Order(StringComparer.Ordinal);
        Assert.Equal(["escalated", "special-supervision", "urged"], steps);

        var again = await SupervisionTestData.RunAsync(app, day);
        Assert.True(again.Ran);
        Assert.Equal(3, (await SupervisionTestData.NoticesAsync(app, ids)).Count);
        Assert.Equal(3, (await SupervisionTestData.EventsAsync(app, ids)).Count);
        var later = await SupervisionTestData.RunAsync(app, day.AddDays(1));
        Assert.Equal(3, (await SupervisionTestData.NoticesAsync(app, ids)).Count); // one urging per missed due day, one escalation per threshold
        Assert.True(later.Ran);
    }

    [Fact]
    public async Task Run_TaskDueInTwoWorkingDays_RemindsLeadUnitOnly()
    {
        var ids = await app.WithServicesAsync(sp => SupervisionTestData.RunningTasksAsync(sp, "DL-STB", [new DateOnly(2024, 4, 10), new DateOnly(2024, 4, 30)]));
        await SupervisionTestData.RunAsync(app, new DateOnly(2024, 4, 8)); // Monday: Wednesday is two working days away

        var notice = Assert.Single(await SupervisionTestData.NoticesAsync(app, ids));
        Assert.Equal(NoticeKind.DueSoon, notice.Kind);
        Assert.Equal(ids[0], notice.TaskId);
        Assert.Equal($"task:{ids[0]}:due-soon:2024-04-10", notice.Key);
        Assert.Equal(["reminded"], (await SupervisionTestData.EventsAsync(app, ids)).Select(e => e.Action));
    }

    [Fact]
    public async Task Run_CancelledMidway_KeepsCommittedBatches_RerunCompletesWithoutDuplicates()
    {
        var dues = Enumerable.Range(0, 12).Select(i => new DateOnly(2019, 3, 1).AddDays(i)).ToList();
        var ids = await app.WithServicesAsync(sp => SupervisionTestData.RunningTasksAsync(sp, "DL-DRC", dues));
        var day = new DateOnly(2019, 6, 3);
        var options = new SupervisionOptions { BatchSize = 5 };

        using var stop = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => app.WithServicesAsync(async sp =>
        {
            var calendar = new CancellingCalendar(sp.GetRequiredService<IWorkingDayCalendar>(), stop, cancelOnCall: 13); // the run counts twice per task (deciding, then writing): the 13th count is in the second batch
            var tasks = ActivatorUtilities.CreateInstance<TaskWriting>(sp, calendar);
            return await SupervisionTestData.Create(sp, options, tasks).RunAsync(day, stop.Token);
        }));

        var partial = await SupervisionTestData.NoticesAsync(app, ids);
        Assert.InRange(partial.Count, 1, (12 * 3) - 1);
        Assert.Equal(0, partial.Count % 3); // whole batches only: a task's three notices commit together

        var rerun = await SupervisionTestData.RunAsync(app, day, options);
        Assert.True(rerun.Ran); // the stopped run gave its lease back
        var notices = await SupervisionTestData.NoticesAsync(app, ids);
        Assert.Equal(12 * 3, notices.Count);
        Assert.Equal(notices.Count, notices.Select(n => n.Key).Distinct().Count());
        var events = await SupervisionTestData.EventsAsync(app, ids);
        Assert.All(ids, id => Assert.Single(events, e => e.TaskId == id && e.Action == "urged"));
    }

    [Fact]
    public async Task Lease_HeldByOne_RefusesAnother_UntilReleased()
    {
        var name = $"test-lease-{Guid.NewGuid():N}";
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<FollowthroughDb>();
            Assert.True(await SupervisionLease.TryTakeAsync(db, name, "a", TimeSpan.FromMinutes(5)));
            Assert.False(await SupervisionLease.TryTakeAsync(db, name, "b", TimeSpan.FromMinutes(5)));
            Assert.True(await SupervisionLease.TryTakeAsync(db, name, "a", TimeSpan.FromMinutes(5))); // renewal
            await SupervisionLease.ReleaseAsync(db, name, "a");
            Assert.True(await SupervisionLease.TryTakeAsync(db, name, "b", TimeSpan.FromMinutes(5)));
            return 0;
        });
        await app.WithServicesAsync(async sp =>
        {
            // An expired lease is taken over.
            var db = sp.GetRequiredService<FollowthroughDb>();
            Assert.True(await SupervisionLease.TryTakeAsync(db, name + "-x", "a", TimeSpan.FromSeconds(-1)));
            Assert.True(await SupervisionLease.TryTakeAsync(db, name + "-x", "b", TimeSpan.FromMinutes(5)));
            return 0;
        });
    }

    [Fact]
    public async Task Urge_BySupervisor_ReachesLeadUnitOnly_AndOthersAreRefused()
    {
        var ids = await app.WithServicesAsync(sp => SupervisionTestData.RunningTasksAsync(sp, "DL-IIT", [new DateOnly(2030, 1, 10)]));
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var staff = await app.ApiClientAsync(Role.UnitStaff, "DL-IIT");
        var otherStaff = await app.ApiClientAsync(Role.UnitStaff, "DL-FIN");
        var leader = await app.ApiClientAsync(Role.Leader);

        var forbidden = await staff.PostAsJsonAsync($"/api/v1/supervision/tasks/{ids[0]}/urge", new { message = "hurry" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
        var missing = await supervisor.PostAsJsonAsync("/api/v1/supervision/tasks/99999999/urge", new { message = "hurry" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        var tooLong = await supervisor.PostAsJsonAsync($"/api/v1/supervision/tasks/{ids[0]}/urge", new { message = new string('x', 1001) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);

        var sent = await supervisor.PostAsJsonAsync($"/api/v1/supervision/tasks/{ids[0]}/urge", new { message = "Please report by Friday." });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var noticeId = (long)JsonNode.Parse(await sent.Content.ReadAsStringAsync())!["id"]!;

        var mine = JsonNode.Parse(await staff.GetStringAsync("/api/v1/notices"))!;
        var item = Assert.Single(mine["items"]!.AsArray(), n => (long)n!["id"]! == noticeId)!;
        Assert.Equal("Please report by Friday.", (string?)item["message"]);
        Assert.Equal("Urged", (string?)item["kind"]);
        var others = JsonNode.Parse(await otherStaff.GetStringAsync("/api/v1/notices"))!;
        Assert.DoesNotContain(others["items"]!.AsArray(), n => (long)n!["id"]! == noticeId);
        Assert.Equal(HttpStatusCode.NotFound, (await otherStaff.PostAsync($"/api/v1/notices/{noticeId}/read", null)).StatusCode);

        var unread = (int)JsonNode.Parse(await staff.GetStringAsync("/api/v1/notices/unread-count"))!["unread"]!;
        Assert.True(unread >= 1);
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/api/v1/notices/{noticeId}/read", null)).StatusCode);
        Assert.Equal(unread - 1, (int)JsonNode.Parse(await staff.GetStringAsync("/api/v1/notices/unread-count"))!["unread"]!);

        var steps = await SupervisionTestData.EventsAsync(app, ids);
        Assert.Contains(steps, e => e.Action == "urged" && e.Comment == "Please report by Friday.");

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/supervision/special-list")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/api/v1/supervision/special-list")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.AnonymousClient().GetAsync("/api/v1/notices")).StatusCode);
    }

    [Fact]
    public async Task Urge_TaskNotRunning_IsConflict()
    {
        var ids = await app.WithServicesAsync(sp => SupervisionTestData.RunningTasksAsync(sp, "DL-IIT", [new DateOnly(2030, 1, 10)]));
        await using (var scope = app.Db())
        {
            var task = await scope.Db.Set<WorkTask>().SingleAsync(t => t.Id == ids[0]);
            task.State = TaskState.Closed;
            await scope.Db.SaveChangesAsync();
        }

        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var response = await supervisor.PostAsJsonAsync($"/api/v1/supervision/tasks/{ids[0]}/urge", new { message = "late" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Pages_NoticesAndSpecialList_RenderInChinese_AndUnitsAreRefusedTheList()
    {
        var supervisor = await app.SignInAsync(await app.CreateUserAsync(Role.Supervisor, "DL-SUP"));
        supervisor.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");
        var list = await supervisor.GetAsync("/supervision/special-list");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("专项督查清单", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var inbox = await supervisor.GetAsync("/notices");
        Assert.Contains("通知", await inbox.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var staff = await app.SignInAsync(await app.CreateUserAsync(Role.UnitStaff, "DL-FIN"));
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/supervision/special-list")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/notices")).StatusCode);
    }

    [Fact]
    public async Task Cli_RunWithDate_Reports_AndBadDateExitsTwo()
    {
        var ids = await app.WithServicesAsync(sp => SupervisionTestData.RunningTasksAsync(sp, "DL-HRS", [new DateOnly(2017, 5, 2)]));
        var run = await CliRun.RunAsync(app.Database.ConnectionString, "supervision", "run", "--date", "2017-05-05");
        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("Supervision run for 2017-05-05:", run.Output, StringComparison.Ordinal);
        Assert.Contains(await SupervisionTestData.NoticesAsync(app, ids), n => n.Key == $"task:{ids[0]}:overdue:2017-05-02");

        var bad = await CliRun.RunAsync(app.Database.ConnectionString, "supervision", "run", "--date", "2017-13-40");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("YYYY-MM-DD", bad.Error, StringComparison.Ordinal);
    }
}

public sealed class SupervisionRunOnSqlite(SqliteApp app) : SupervisionRunTests(app), IClassFixture<SqliteApp>;

public sealed class SupervisionRunOnPostgreSql(PostgreSqlApp app) : SupervisionRunTests(app), IClassFixture<PostgreSqlApp>;

/// <summary>Two instances (separate scopes, contexts and connections) on ONE PostgreSQL database at once.</summary>
public sealed class SupervisionConcurrencyTests(PostgreSqlApp app) : IClassFixture<PostgreSqlApp>
{
    [Fact]
    public async Task TwoInstances_RunningAtOnce_WriteEachNoticeExactlyOnce()
    {
        var dues = Enumerable.Range(0, 40).Select(i => new DateOnly(2018, 2, 1).AddDays(i % 20)).ToList();
        var ids = await app.WithServicesAsync(sp => SupervisionTestData.RunningTasksAsync(sp, "DL-EEB", dues));
        var day = new DateOnly(2018, 6, 1);
        var options = new SupervisionOptions { BatchSize = 4 };

        for (var round = 0; round < 2; round++)
        {
            using var start = new ManualResetEventSlim();
            var runs = Enumerable.Range(0, 2).Select(_ => Task.Run(() => app.WithServicesAsync(sp =>
            {
                var run = SupervisionTestData.Create(sp, options);
                start.Wait();
                return run.RunAsync(day);
            }))).ToList();
            start.Set();
            var results = await Task.WhenAll(runs);
            Assert.Contains(results, r => r.Ran);
        }

        var notices = await SupervisionTestData.NoticesAsync(app, ids);
        Assert.Equal(40 * 3, notices.Count);
        Assert.Equal(notices.Count, notices.Select(n => n.Key).Distinct().Count());
        var events = await SupervisionTestData.EventsAsync(app, ids);
        Assert.All(ids, id => Assert.Single(events, e => e.TaskId == id && e.Action == "urged"));
        await using var scope = app.Db();
        Assert.Equal(40, await scope.Db.Set<SpecialSupervisionItem>().CountAsync(s => ids.Contains(s.TaskId)));
    }
}
