using System.Net;
using System.Text.Json.Nodes;
using Followthrough.Accounts;
using Followthrough.Audit;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Tasks;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Followthrough.Tests.Tasks.TaskTestClient;

namespace Followthrough.Tests.Tasks;

/// <summary>
/// Progress reports sent through the API are saved in group commits (ReportGroupCommit): several in one transaction,
/// a savepoint each. A refused report must not sink the others, reports in one batch must see each other as if
/// committed one by one, and the audit chain must verify afterwards.
/// </summary>
public abstract class ReportGroupCommitTests(AppFixture app)
{
    [Fact]
    public async Task Batch_WithStaleForbiddenAndDuplicateReports_SavesOnlyTheGoodOnes_AndTheChainVerifies()
    {
        var (first, _, _) = await SignedForAsync(app, "DL-EEB");
        var (second, _, _) = await SignedForAsync(app, "DL-EEB");
        var (third, _, _) = await SignedForAsync(app, "DL-EEB");
        int Id(JsonNode task) => (int)task["id"]!;
        int Version(JsonNode task) => (int)task["version"]!;
        var staff = await app.CreateUserAsync(Role.UnitStaff, "DL-EEB");
        var outsider = await app.CreateUserAsync(Role.UnitStaff, "DL-DRC");
        var me = new CurrentUser(staff.PersonId, staff.UserName, Role.UnitStaff, staff.UnitId);
        var stranger = new CurrentUser(outsider.PersonId, outsider.UserName, Role.UnitStaff, outsider.UnitId);
        var actor = new Actor();
        actor.Set(staff.PersonId, staff.UserName);
        ReportInput Input(int version, string done) => new() { Version = version, Percent = 40, Done = done };

        var outcomes = await app.WithServicesAsync(sp => sp.GetRequiredService<ReportGroupCommit>().CommitTogetherAsync(
        [
            (me, actor, Id(first), Input(Version(first), "Batch: first task, on time")),
            (me, actor, Id(second), Input(Version(second) - 1, "Batch: second task, on an old version")),
            (stranger, actor, Id(third), Input(Version(third), "Batch: another unit's staff")),
            (me, actor, Id(first), Input(Version(first), "Batch: first task again, same version")),
            (me, actor, Id(third), Input(Version(third), "Batch: third task, on time")),
        ]));

        Assert.Equal(
            [OutcomeKind.Done, OutcomeKind.Stale, OutcomeKind.Forbidden, OutcomeKind.Stale, OutcomeKind.Done],
            outcomes.Select(o => o.Kind));
        Assert.Equal(Version(first) + 1, outcomes[3].CurrentVersion); // it saw the first report of the batch
        int[] ids = [Id(first), Id(second), Id(third)];
        var secondId = Id(second);
        await using var scope = app.Db();
        var reports = await scope.Db.Set<ProgressReport>().AsNoTracking()
            .Where(r => ids.Contains(r.TaskId))
            .Select(r => new { r.TaskId, r.Done }).ToListAsync();
        Assert.Equal(
            [(Id(first), "Batch: first task, on time"), (Id(third), "Batch: third task, on time")],
            reports.Select(r => (r.TaskId, r.Done)).OrderBy(r => r.TaskId));
        Assert.Equal(Version(second), await scope.Db.Set<WorkTask>().Where(t => t.Id == secondId).Select(t => t.Version).SingleAsync());
        var verification = await app.WithServicesAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync());
        Assert.True(verification.Intact, verification.Problem);
    }

    [Fact]
    public async Task ReportCheckedBeforeAnotherWasSaved_IsStaleInTheWriter_LeavesNothing_AndItsRequestReadsOnAfterwards()
    {
        var (task, _, _) = await SignedForAsync(app, "DL-EEB");
        var id = (int)task["id"]!;
        var version = (int)task["version"]!;
        var staff = await app.CreateUserAsync(Role.UnitStaff, "DL-EEB");
        var me = new CurrentUser(staff.PersonId, staff.UserName, Role.UnitStaff, staff.UnitId);

        await app.WithServicesAsync(async sp =>
        {
            var group = sp.GetRequiredService<ReportGroupCommit>();
            await using var first = sp.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            await using var second = sp.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            foreach (var request in new[] { first, second })
            {
                request.ServiceProvider.GetRequiredService<Actor>().Set(staff.PersonId, staff.UserName);
            }

            // Both are checked against the same version; the second is saved only after the first was committed.
            var late = second.ServiceProvider.GetRequiredService<ProgressService>();
            var prepared = await late.PrepareReportAsync(me, id, new ReportInput { Version = version, Percent = 50, Done = "Race: checked first, saved last" }, []);
            Assert.True(prepared.IsDone);
            var early = await first.ServiceProvider.GetRequiredService<ProgressService>().ReportAsync(
                me, id, new ReportInput { Version = version, Percent = 40, Done = "Race: saved first" }, []);
            Assert.Equal(OutcomeKind.Done, early.Kind);

            var lost = await group.SaveInNextBatchAsync(late, prepared.Value!, CancellationToken.None);
            Assert.Equal(OutcomeKind.Stale, lost.Kind);
            Assert.Equal(version + 1, lost.CurrentVersion);

            // The losing request's context was lent the writer's connection; it has its own again and reads on.
            var reread = await second.ServiceProvider.GetRequiredService<TaskWriting>().LoadAsync(id);
            Assert.Equal(version + 1, reread!.Version);
            return 0;
        });

        await using var scope = app.Db();
        Assert.Equal(["Race: saved first"], await scope.Db.Set<ProgressReport>().AsNoTracking().Where(r => r.TaskId == id).Select(r => r.Done).ToListAsync());
        var verification = await app.WithServicesAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync());
        Assert.True(verification.Intact, verification.Problem);
    }

    [Fact]
    public async Task EveryWayOfReporting_ApiReportsPageFormAndAction_SavesThroughTheOneWriter()
    {
        var writer = app.Factory.Services.GetRequiredService<ReportGroupCommit>();
        var (task, _, staff) = await SignedForAsync(app, "DL-EEB");
        var id = (int)task["id"]!;
        var written = writer.ReportsWritten;

        using (var viaApi = await ReportAsync(staff, id, (int)task["version"]!, 20, "Entry: the API", files: ("plan.pdf", Pdf)))
        {
            Assert.Equal(HttpStatusCode.Created, viaApi.StatusCode);
        }

        Assert.Equal(written + 1, writer.ReportsWritten);

        var person = await app.CreateUserAsync(Role.UnitStaff, "DL-EEB");
        var browser = await SignedInBrowserClient.SignInAsync(app, person, AppFixture.Password);
        var version = ((int)(await GetAsync(staff, id))["version"]!).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var viaPage = await browser.PostFormAsync(
            $"/tasks/{id}", [new("Version", version), new("Report.Percent", "60"), new("Report.Done", "Entry: the page form")], $"/tasks/{id}?handler=Report");
        Assert.Equal(HttpStatusCode.Redirect, viaPage.StatusCode);
        Assert.Equal(written + 2, writer.ReportsWritten);

        await ActOkAsync(staff, id, "claim-completion", (int)(await GetAsync(staff, id))["version"]!, "Entry: the action");
        Assert.Equal(written + 3, writer.ReportsWritten);
    }

    [Fact]
    public async Task BurstOfConcurrentReports_AllAnsweredAfterCommit_OnePerTaskVersion_AndTheChainVerifies()
    {
        var tasks = new List<(JsonNode Task, HttpClient Staff)>();
        for (var i = 0; i < 6; i++)
        {
            var (task, _, staff) = await SignedForAsync(app, "DL-STB");
            tasks.Add((task, staff));
        }

        // Every task gets three reports at once on the version the staff saw: one is saved, two are stale.
        var sent = tasks.SelectMany(t => Enumerable.Range(1, 3).Select(async n =>
            (Id: (int)t.Task["id"]!, Response: await ReportAsync(t.Staff, (int)t.Task["id"]!, (int)t.Task["version"]!, 30, $"Burst report {n}")))).ToList();
        var answers = await Task.WhenAll(sent);

        foreach (var group in answers.GroupBy(a => a.Id))
        {
            Assert.Equal(1, group.Count(a => a.Response.StatusCode == HttpStatusCode.Created));
            Assert.Equal(2, group.Count(a => a.Response.StatusCode == HttpStatusCode.Conflict));
            var created = group.Single(a => a.Response.StatusCode == HttpStatusCode.Created).Response;
            var report = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;

            // A 201 is given only after the commit: the report is there for anyone who looks.
            await using var scope = app.Db();
            Assert.True(await scope.Db.Set<ProgressReport>().AnyAsync(r => r.Id == (long)report["id"]!));
        }

        var verification = await app.WithServicesAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync());
        Assert.True(verification.Intact, verification.Problem);
        foreach (var (_, response) in answers)
        {
            response.Dispose();
        }
    }
}

public sealed class ReportGroupCommitOnSqlite(SqliteApp app) : ReportGroupCommitTests(app), IClassFixture<SqliteApp>;

public sealed class ReportGroupCommitOnPostgreSql(PostgreSqlApp app) : ReportGroupCommitTests(app), IClassFixture<PostgreSqlApp>;
