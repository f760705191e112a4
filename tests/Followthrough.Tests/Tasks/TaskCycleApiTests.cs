using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Followthrough.Audit;
using Followthrough.Organization;
using Followthrough.Tasks;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Followthrough.Tests.Tasks.TaskTestClient;

namespace Followthrough.Tests.Tasks;

/// <summary>The cycle through the API: assign, sign for, report, claim, verify; refusals, permissions and races.</summary>
public abstract class TaskCycleApiTests(AppFixture app)
{
    [Fact]
    public async Task WholeCycle_AssignSignReportClaimVerify_ClosesOnTime_WithATimelineAndAudit()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var staff = await app.ApiClientAsync(Role.UnitStaff, "DL-EEB");
        var draft = await CreateAsync(supervisor, new
        {
            title = "Rectify the problems found by the central environmental inspection",
            leadUnitId = await app.UnitIdAsync("DL-EEB"),
            deadlineWorkingDays = 20,
            reportingCadence = "Monthly",
            supervisionLevel = "Key",
            partners = new[] { new { unitId = await app.UnitIdAsync("DL-NRB"), part = "Land and sea use records" } },
            timeNodes = new[] { new { title = "Rectification plan", dueOn = Iso(Today.AddDays(7)) } },
            tags = new List<string> { "环保督察" },
        });
        var id = (int)draft["id"]!;
        Assert.Equal("Draft", (string?)draft["state"]);
        Assert.Equal("WorkingDays", (string?)draft["deadlineKind"]);
        Assert.Null((string?)draft["deadline"]);
        Assert.Matches(@"^DL-\d{4}-\d{4}$", (string?)draft["code"]);

        var assigned = await ActOkAsync(supervisor, id, "assign", (int)draft["version"]!, "Handle within twenty working days");
        Assert.Equal("Assigned", (string?)assigned["state"]);
        Assert.NotNull((string?)assigned["deadline"]); // counted with the calendar at assignment
        Assert.True(DateOnly.Parse((string)assigned["deadline"]!, System.Globalization.CultureInfo.InvariantCulture) > Today.AddDays(20));
        Assert.Equal(["cancel"], assigned["allowedActions"]!.AsArray().Select(a => (string?)a)); // the office's part now

        // The unit staff sees what it may do; the lead unit signs for it.
        var seen = await GetAsync(staff, id);
        Assert.Equal("LeadUnit", (string?)seen["yourPart"]);
        Assert.Equal(["sign-for", "return"], seen["allowedActions"]!.AsArray().Select(a => (string?)a));
        var signed = await ActOkAsync(staff, id, "sign-for", (int)seen["version"]!, "Received, the office is on it");
        Assert.Equal("SignedFor", (string?)signed["state"]);

        var report = await ReportAsync(staff, id, (int)signed["version"]!, 40, "Plan drafted; 12 of 30 sites cleaned up", files: ("plan.pdf", Pdf));
        Assert.Equal(HttpStatusCode.Created, report.StatusCode);
        var afterReport = await GetAsync(staff, id);
        Assert.Equal("InProgress", (string?)afterReport["state"]);
        Assert.Equal(40, (int)afterReport["percent"]!);

        var claim = await ReportAsync(staff, id, (int)afterReport["version"]!, 100, "All 30 sites cleaned up and checked", claim: true, files: ("photo.png", Png));
        Assert.Equal(HttpStatusCode.Created, claim.StatusCode);
        var claimed = await GetAsync(supervisor, id);
        Assert.Equal("CompletionClaimed", (string?)claimed["state"]);
        Assert.Equal("AwaitingVerification", (string?)claimed["standing"]!["kind"]);

        var closed = await ActOkAsync(supervisor, id, "verify", (int)claimed["version"]!, "Checked on site; closed");
        Assert.Equal("Closed", (string?)closed["state"]);
        Assert.Equal("ClosedOnTime", (string?)closed["standing"]!["kind"]);

        var timeline = (await supervisor.GetFromJsonAsync<JsonArray>($"/api/v1/tasks/{id}/timeline"))!;
        Assert.Equal(["created", "assign", "sign-for", "report-progress", "claim-completion", "verify"], timeline.Select(e => (string?)e!["action"]));
        Assert.Equal("Checked on site; closed", (string?)timeline[^1]!["comment"]);

        var history = await app.WithServicesAsync(sp => sp.GetRequiredService<AuditTrail>().HistoryAsync("tasks", id));
        Assert.Contains(history, e => e.Action == "verify" && e.Comment == "Checked on site; closed");
        Assert.Contains(history, e => e.Action == "sign-for" && e.Comment == "Received, the office is on it");
    }

    [Fact]
    public async Task IllegalStep_Answers409_ListingTheStepsAllowedNow()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var staff = await app.ApiClientAsync(Role.UnitStaff, "DL-STB");
        var draft = await CreateDraftAsync(supervisor, await app.UnitIdAsync("DL-STB"));
        var id = (int)draft["id"]!;
        var assigned = await ActOkAsync(supervisor, id, "assign", (int)draft["version"]!);

        var (status, problem) = await ActAsync(staff, id, "claim-completion", (int)assigned["version"]!, "Done already");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("Assigned", (string?)problem!["state"]);
        Assert.Equal(["sign-for", "return"], problem["allowedActions"]!.AsArray().Select(a => (string?)a));

        var (verify, verifyProblem) = await ActAsync(supervisor, id, "verify", (int)assigned["version"]!, "Too early");
        Assert.Equal(HttpStatusCode.Conflict, verify);
        Assert.Contains("cancel", verifyProblem!["allowedActions"]!.AsArray().Select(a => (string?)a));

        var (unknown, _) = await ActAsync(staff, id, "fly-to-the-moon", (int)assigned["version"]!);
        Assert.Equal(HttpStatusCode.NotFound, unknown);
    }

    [Fact]
    public async Task AnotherUnitsTask_IsForbidden_ToReadAndToActOn()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var other = await app.ApiClientAsync(Role.UnitStaff, "DL-FIN");
        var draft = await CreateDraftAsync(supervisor, await app.UnitIdAsync("DL-EEB"));
        var id = (int)draft["id"]!;
        var assigned = await ActOkAsync(supervisor, id, "assign", (int)draft["version"]!);

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/tasks/{id}")).StatusCode);
        var (status, problem) = await ActAsync(other, id, "sign-for", (int)assigned["version"]!);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Empty(problem!["allowedActions"]!.AsArray());
        var list = (await other.GetFromJsonAsync<JsonObject>("/api/v1/tasks?pageSize=200"))!;
        Assert.DoesNotContain(list["items"]!.AsArray(), t => (int)t!["id"]! == id);
    }

    [Fact]
    public async Task Roles_UnitStaffCannotAssignOrVerify_SupervisorCannotSignFor()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var staff = await app.ApiClientAsync(Role.UnitStaff, "DL-DRC");
        var leader = await app.ApiClientAsync(Role.Leader, "DL-GOV");
        var draft = await CreateDraftAsync(supervisor, await app.UnitIdAsync("DL-DRC"));
        var id = (int)draft["id"]!;

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/api/v1/tasks/{id}")).StatusCode); // drafts stay with the office
        var assigned = await ActOkAsync(supervisor, id, "assign", (int)draft["version"]!);
        var version = (int)assigned["version"]!;

        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(staff, id, "assign", version)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(staff, id, "verify", version)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(supervisor, id, "sign-for", version)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(leader, id, "sign-for", version)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/v1/tasks", new { title = "x", leadUnitId = 1, deadline = Iso(Today) })).StatusCode);
        Assert.Equal("Assigned", (string?)(await GetAsync(supervisor, id))["state"]);
    }

    [Fact]
    public async Task TwoClients_OnTheSameVersion_OneWins_TheOtherGets409_AndNothingIsLost()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var first = await app.ApiClientAsync(Role.UnitStaff, "DL-IIT");
        var second = await app.ApiClientAsync(Role.UnitStaff, "DL-IIT");
        var draft = await CreateDraftAsync(supervisor, await app.UnitIdAsync("DL-IIT"));
        var id = (int)draft["id"]!;
        var assigned = await ActOkAsync(supervisor, id, "assign", (int)draft["version"]!);
        var signed = await ActOkAsync(first, id, "sign-for", (int)assigned["version"]!);
        var version = (int)signed["version"]!;

        var results = await Task.WhenAll(
            ReportAsync(first, id, version, 30, "First report from desk A"),
            ReportAsync(second, id, version, 35, "First report from desk B"));
        Assert.Equal(
            [HttpStatusCode.Created, HttpStatusCode.Conflict],
            results.Select(r => r.StatusCode).Order().ToArray());
        var loser = JsonNode.Parse(await results.Single(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync())!;
        Assert.Equal(version + 1, (int)loser["currentVersion"]!);

        var reports = (await first.GetFromJsonAsync<JsonObject>($"/api/v1/tasks/{id}/reports"))!;
        Assert.Equal(1, (int)reports["total"]!);
        var task = await GetAsync(first, id);
        Assert.Equal((int)reports["items"]![0]!["percent"]!, (int)task["percent"]!);

        // The loser reloads and sends again: now both reports are kept.
        var retry = await ReportAsync(second, id, (int)task["version"]!, 40, "Second report from desk B");
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(2, (int)(await first.GetFromJsonAsync<JsonObject>($"/api/v1/tasks/{id}/reports"))!["total"]!);
    }

    [Fact]
    public async Task StaleVersion_OnAStep_Answers409_AndChangesNothing()
    {
        var (task, supervisor, staff) = await SignedForAsync(app, "DL-HRS");
        var id = (int)task["id"]!;
        var (status, problem) = await ActAsync(staff, id, "request-extension", (int)task["version"]! - 1, "Need more time", new { newDeadline = Iso(Today.AddDays(90)) });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal((int)task["version"]!, (int)problem!["currentVersion"]!);
        Assert.False((bool)(await GetAsync(supervisor, id))["extensionPending"]!);
    }

    [Fact]
    public async Task Extension_RequestedThenApproved_MovesTheDeadline_RefusedKeepsIt()
    {
        var (task, supervisor, staff) = await SignedForAsync(app, "DL-BEB");
        var id = (int)task["id"]!;
        var oldDeadline = (string?)task["deadline"];
        var wanted = Iso(Today.AddDays(120));

        var (missing, errors) = await ActAsync(staff, id, "request-extension", (int)task["version"]!, null, new { newDeadline = wanted });
        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.NotNull(errors!["errors"]!["comment"]);

        var requested = await ActOkAsync(staff, id, "request-extension", (int)task["version"]!, "Land approval takes longer", new { newDeadline = wanted });
        Assert.True((bool)requested["extensionPending"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync(staff, id, "request-extension", (int)requested["version"]!, "Again", new { newDeadline = wanted })).Status);

        var granted = Iso(Today.AddDays(100));
        var approved = await ActOkAsync(supervisor, id, "approve-extension", (int)requested["version"]!, "Granted, but shorter", new { newDeadline = granted });
        Assert.Equal(granted, (string?)approved["deadline"]);
        Assert.False((bool)approved["extensionPending"]!);
        Assert.Equal("Approved", (string?)approved["extensions"]![0]!["decision"]);

        var again = await ActOkAsync(staff, id, "request-extension", (int)approved["version"]!, "One more month", new { newDeadline = Iso(Today.AddDays(150)) });
        var refused = await ActOkAsync(supervisor, id, "refuse-extension", (int)again["version"]!, "No: keep to the granted date");
        Assert.Equal(granted, (string?)refused["deadline"]);
        Assert.NotEqual(oldDeadline, (string?)refused["deadline"]);
        Assert.Equal("Refused", (string?)refused["extensions"]![1]!["decision"]);
    }

    [Fact]
    public async Task UnitReturnsATask_WithAReason_AndTheOfficeReassignsItElsewhere()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var wrong = await app.ApiClientAsync(Role.UnitStaff, "DL-MSA");
        var right = await app.ApiClientAsync(Role.UnitStaff, "DL-IIT");
        var draft = await CreateDraftAsync(supervisor, await app.UnitIdAsync("DL-MSA"));
        var id = (int)draft["id"]!;
        var assigned = await ActOkAsync(supervisor, id, "assign", (int)draft["version"]!);

        Assert.Equal(HttpStatusCode.BadRequest, (await ActAsync(wrong, id, "return", (int)assigned["version"]!)).Status);
        var returned = await ActOkAsync(wrong, id, "return", (int)assigned["version"]!, "Not our competence: industrial relocation is IIT's");
        Assert.Equal("Returned", (string?)returned["state"]);

        var reassigned = await ActOkAsync(supervisor, id, "assign", (int)(await GetAsync(supervisor, id))["version"]!, "Reassigned to IIT", new { leadUnitId = await app.UnitIdAsync("DL-IIT") });
        Assert.Equal("DL-IIT", (string?)reassigned["leadUnit"]!["code"]);
        await ActOkAsync(right, id, "sign-for", (int)reassigned["version"]!);
        Assert.Equal(HttpStatusCode.Forbidden, (await wrong.GetAsync($"/api/v1/tasks/{id}")).StatusCode);
    }

    [Fact]
    public async Task SendBack_AndReturnedReport_PutTheTaskInTheUnitsReworkList()
    {
        var (task, supervisor, staff) = await SignedForAsync(app, "DL-NRB");
        var id = (int)task["id"]!;
        Assert.Equal(HttpStatusCode.Created, (await ReportAsync(staff, id, (int)task["version"]!, 50, "Half done", files: ("survey.pdf", Pdf))).StatusCode);
        var current = await GetAsync(supervisor, id);
        var returnedReport = await ActOkAsync(supervisor, id, "return-report", (int)current["version"]!, "Numbers do not add up");
        Assert.True((bool)returnedReport["needsRework"]!);
        Assert.Equal(0, (int)returnedReport["percent"]!); // back to the last accepted report: none

        var inbox = (await staff.GetFromJsonAsync<JsonObject>("/api/v1/tasks/inbox"))!;
        Assert.Contains(inbox["returned"]!["items"]!.AsArray(), t => (int)t!["id"]! == id);

        // Without accepted evidence there is nothing to claim completion on.
        var noEvidence = await ActAsync(staff, id, "claim-completion", (int)returnedReport["version"]!, "Finished");
        Assert.Equal(HttpStatusCode.Conflict, noEvidence.Status);

        var claim = await ReportAsync(staff, id, (int)returnedReport["version"]!, 100, "Finished, corrected figures", claim: true, files: ("final.pdf", Pdf));
        Assert.Equal(HttpStatusCode.Created, claim.StatusCode);
        var claimed = await GetAsync(supervisor, id);
        var sentBack = await ActOkAsync(supervisor, id, "send-back", (int)claimed["version"]!, "Site inspection found two open items");
        Assert.Equal("InProgress", (string?)sentBack["state"]);
        Assert.True((bool)sentBack["needsRework"]!);
    }

    [Fact]
    public async Task Split_CreatesASubTaskPerCoOperatingUnit_WhoseProgressTheLeadUnitSees()
    {
        var (task, _, staff) = await SignedForAsync(app, "DL-DRC", "DL-FIN", "DL-STB");
        var id = (int)task["id"]!;
        var split = await ActOkAsync(staff, id, "split", (int)task["version"]!, "Each unit reports its own part");
        var subTasks = split["subTasks"]!.AsArray();
        Assert.Equal(2, subTasks.Count);
        Assert.All(subTasks, s => Assert.Equal("Assigned", (string?)s!["state"]));
        Assert.All(split["partners"]!.AsArray(), p => Assert.NotNull((int?)p!["subTaskId"]));
        Assert.DoesNotContain("split", split["allowedActions"]!.AsArray().Select(a => (string?)a));

        var finance = await app.ApiClientAsync(Role.UnitStaff, "DL-FIN");
        var financeSub = subTasks.Single(s => (string?)s!["leadUnit"]!["code"] == "DL-FIN")!;
        var subId = (int)financeSub["id"]!;
        var sub = await GetAsync(finance, subId);
        Assert.Equal("LeadUnit", (string?)sub["yourPart"]);
        var signed = await ActOkAsync(finance, subId, "sign-for", (int)sub["version"]!);
        Assert.Equal(HttpStatusCode.Created, (await ReportAsync(finance, subId, (int)signed["version"]!, 60, "Funds earmarked")).StatusCode);

        var parent = await GetAsync(staff, id);
        var seen = parent["subTasks"]!.AsArray().Single(s => (int)s!["id"]! == subId)!;
        Assert.Equal(60, (int)seen["percent"]!);
        Assert.Equal("Coordinator", (string?)(await GetAsync(staff, subId))["yourPart"]);
    }

    [Fact]
    public async Task PercentGoingDown_NeedsANote()
    {
        var (task, _, staff) = await SignedForAsync(app, "DL-JP");
        var id = (int)task["id"]!;
        Assert.Equal(HttpStatusCode.Created, (await ReportAsync(staff, id, (int)task["version"]!, 60, "Most works done")).StatusCode);
        var now = await GetAsync(staff, id);
        var down = await ReportAsync(staff, id, (int)now["version"]!, 45, "Re-estimated");
        Assert.Equal(HttpStatusCode.BadRequest, down.StatusCode);
        Assert.Contains("percentNote", await down.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var explained = await ReportAsync(staff, id, (int)now["version"]!, 45, "Re-estimated", percentNote: "A second site was added to the scope");
        Assert.Equal(HttpStatusCode.Created, explained.StatusCode);
    }

    [Fact]
    public async Task Update_OnAStaleVersion_Or_AfterAssignment_Answers409()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var lead = await app.UnitIdAsync("DL-ZS");
        var draft = await CreateDraftAsync(supervisor, lead);
        var id = (int)draft["id"]!;
        var body = new { title = "Renamed", leadUnitId = lead, deadline = Iso(Today.AddDays(30)), version = (int)draft["version"]! };
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PutAsJsonAsync($"/api/v1/tasks/{id}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PutAsJsonAsync($"/api/v1/tasks/{id}", body)).StatusCode);

        var current = await GetAsync(supervisor, id);
        Assert.Equal("Renamed", (string?)current["title"]);
        await ActOkAsync(supervisor, id, "assign", (int)current["version"]!);
        var late = await supervisor.PutAsJsonAsync($"/api/v1/tasks/{id}", body with { version = (int)current["version"]! + 1 });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task Create_WithBadFields_ListsEveryProblem_AndWritesNothing()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var before = await CountAsync();
        var response = await supervisor.PostAsJsonAsync("/api/v1/tasks", new
        {
            title = "",
            leadUnitId = 999999,
            leadLeaderId = await app.WithServicesAsync(sp => sp.GetRequiredService<Followthrough.Storage.FollowthroughDb>().Set<Person>().Where(p => p.Role == Role.Supervisor).Select(p => p.Id).FirstAsync()),
            deadlineWorkingDays = 0,
            partners = new[] { new { unitId = 999998, part = "" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Equal(["deadlineWorkingDays", "leadLeaderId", "leadUnitId", "partners[0].unitId", "title"], errors.Select(e => e.Key).Order());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task TaskAndItsETag_StayInStep()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var draft = await CreateDraftAsync(supervisor, await app.UnitIdAsync("DL-XG"));
        var response = await supervisor.GetAsync($"/api/v1/tasks/{(int)draft["id"]!}");
        Assert.Equal($"\"{(int)draft["version"]!}\"", response.Headers.ETag?.Tag);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tasks/{(int)draft["id"]!}/actions/assign")
        {
            Content = JsonContent.Create(new { comment = "via If-Match" }),
        };
        request.Headers.IfMatch.ParseAdd(response.Headers.ETag!.Tag);
        var assigned = await supervisor.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal($"\"{(int)draft["version"]! + 1}\"", assigned.Headers.ETag?.Tag);
    }

    private Task<int> CountAsync() =>
        app.WithServicesAsync(sp => sp.GetRequiredService<Followthrough.Storage.FollowthroughDb>().Set<WorkTask>().CountAsync());
}

public sealed class TaskCycleApiOnSqlite(SqliteApp app) : TaskCycleApiTests(app), IClassFixture<SqliteApp>;

public sealed class TaskCycleApiOnPostgreSql(PostgreSqlApp app) : TaskCycleApiTests(app), IClassFixture<PostgreSqlApp>;
