using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Followthrough.Organization;
using Followthrough.Plans;
using Followthrough.Tests.Infrastructure;
using static Followthrough.Tests.Tasks.TaskTestClient;

namespace Followthrough.Tests.Tasks;

/// <summary>Tasks decomposed from a plan item count in the plan's roll-up: the item, its chapter, the status API and the item page.</summary>
public abstract class PlanProgressTests(AppFixture app)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static async Task<T> Read<T>(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Web)!;
    }

    [Fact]
    public async Task TasksOfAPlanItem_RollUpIntoTheItemAndItsChapter_LeavingOutCancelledAndOtherOrigins()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var staff = await app.ApiClientAsync(Role.UnitStaff, "DL-EEB");
        var unitId = await app.UnitIdAsync("DL-EEB");
        var plan = await Read<PlanDto>(await supervisor.PostAsJsonAsync("/api/v1/plans", new PlanWrite(
            "PT-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), "测试规划", "Test plan", PlanLevel.Municipal, "DL-DRC", 2021, 2025, 2035, PlanStatus.Draft, null)));
        var chapter = await Read<ItemDto>(await supervisor.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/items",
            new ItemWrite("C1", null, PlanItemKind.Chapter, null, "第一章", "Chapter one", "DL-EEB", [], null, null)));
        var measure = await Read<ItemDto>(await supervisor.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/items",
            new ItemWrite("C1.1", "C1", PlanItemKind.Measure, null, "第一项措施", "Measure one", "DL-EEB", [], null, null)));

        // One task under way at 40%, one verified and closed (100%), one overdue at 10%.
        var running = await RunningTaskAsync(supervisor, staff, unitId, measure.Id, Today.AddDays(60), 40);
        var closed = await RunningTaskAsync(supervisor, staff, unitId, measure.Id, Today.AddDays(60), 70);
        var claim = await ReportAsync(staff, closed.Id, closed.Version, 100, "All done", claim: true, files: ("proof.pdf", Pdf));
        Assert.Equal(HttpStatusCode.Created, claim.StatusCode);
        var claimed = await GetAsync(supervisor, closed.Id);
        await ActOkAsync(supervisor, closed.Id, "verify", (int)claimed["version"]!, "Checked");

        // Left out: a cancelled task of the item, and a task that merely carries the same number under another origin.
        var cancelled = await CreateAsync(supervisor, new { title = $"Withdrawn {Guid.NewGuid():N}", leadUnitId = unitId, deadline = Iso(Today.AddDays(60)), originKind = "PlanItem", originId = measure.Id });
        await ActOkAsync(supervisor, (int)cancelled["id"]!, "cancel", (int)cancelled["version"]!, "No longer needed");
        await CreateAsync(supervisor, new { title = $"Other origin {Guid.NewGuid():N}", leadUnitId = unitId, deadline = Iso(Today.AddDays(60)), originKind = "Directive", originId = measure.Id });

        var status = await Read<PlanStatusDto>(await supervisor.GetAsync($"/api/v1/plans/{plan.Id}/status"));
        var c1 = Assert.Single(status.Chapters);
        Assert.Equal(chapter.Id, c1.Id);
        Assert.Equal((2, 0, 0, 0), (c1.OnTrack, c1.AtRisk, c1.OffTrack, c1.NoData));
        Assert.Equal(0.7m, c1.Progress); // (40% + 100%) / 2, through the section's weight 1
        Assert.Equal(0.7m, status.Progress);

        // An overdue task turns the item off track; it needs a deadline in the past, so it is back-dated in storage.
        var late = await RunningTaskAsync(supervisor, staff, unitId, measure.Id, Today.AddDays(30), 10);
        await using (var scope = app.Db())
        {
            var task = await scope.Db.Set<Followthrough.Tasks.WorkTask>().FindAsync(late.Id);
            task!.Deadline = Today.AddDays(-5);
            task.NextDue = Today.AddDays(-5);
            await scope.Db.SaveChangesAsync();
        }

        status = await Read<PlanStatusDto>(await supervisor.GetAsync($"/api/v1/plans/{plan.Id}/status"));
        c1 = Assert.Single(status.Chapters);
        Assert.Equal((2, 0, 1, 0), (c1.OnTrack, c1.AtRisk, c1.OffTrack, c1.NoData));
        Assert.Equal(0.5m, c1.Progress); // (40 + 100 + 10) / 3

        var browser = await SignedInBrowserClient.CreateAsync(app, Role.Supervisor, "DL-SUP");
        var page = await browser.Client.GetStringAsync($"/plans/items/{measure.Id}");
        Assert.Contains("50%", page, StringComparison.Ordinal);
        Assert.Contains("status-off-track", page, StringComparison.Ordinal);
    }

    /// <summary>A task of the plan item, assigned, signed for and reported on at <paramref name="percent"/>.</summary>
    private static async Task<(int Id, int Version)> RunningTaskAsync(HttpClient supervisor, HttpClient staff, int unitId, int itemId, DateOnly deadline, int percent)
    {
        var draft = await CreateAsync(supervisor, new
        {
            title = $"Plan work {Guid.NewGuid():N}",
            leadUnitId = unitId,
            deadline = Iso(deadline),
            originKind = "PlanItem",
            originId = itemId,
            originReference = "C1.1",
        });
        var id = (int)draft["id"]!;
        var assigned = await ActOkAsync(supervisor, id, "assign", (int)draft["version"]!, "Please handle");
        var signed = await ActOkAsync(staff, id, "sign-for", (int)assigned["version"]!, "Received");
        var report = await ReportAsync(staff, id, (int)signed["version"]!, percent, "Under way");
        Assert.Equal(HttpStatusCode.Created, report.StatusCode);
        return (id, (int)(await GetAsync(staff, id))["version"]!);
    }
}

public sealed class PlanProgressOnSqlite(SqliteApp app) : PlanProgressTests(app), IClassFixture<SqliteApp>;

public sealed class PlanProgressOnPostgreSql(PostgreSqlApp app) : PlanProgressTests(app), IClassFixture<PostgreSqlApp>;
