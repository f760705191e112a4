using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Tasks;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Followthrough.Tests.Tasks.TaskTestClient;

namespace Followthrough.Tests.Tasks;

/// <summary>The three lists, their exports, the inbox and the board.</summary>
public abstract class TaskListsApiTests(AppFixture app)
{
    [Fact]
    public async Task TaskList_FiltersByTagUnitAndState_AndExportsInTheReadersLanguage()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var tag = $"tag-{Guid.NewGuid():N}"[..20];
        var eeb = await app.UnitIdAsync("DL-EEB");
        var nrb = await app.UnitIdAsync("DL-NRB");
        var first = await CreateAsync(supervisor, new { title = "整改督察反馈问题", leadUnitId = eeb, deadline = Iso(Today.AddDays(40)), tags = new List<string> { tag }, partners = new[] { new { unitId = nrb, part = "用海核查" } } });
        var second = await CreateAsync(supervisor, new { title = "Relocate industrial enterprises", leadUnitId = nrb, deadlineWorkingDays = 15, tags = new List<string> { tag } });
        await ActOkAsync(supervisor, (int)first["id"]!, "assign", (int)first["version"]!);

        var byTag = (await supervisor.GetFromJsonAsync<JsonObject>($"/api/v1/tasks?tag={tag}"))!;
        Assert.Equal(2, (int)byTag["total"]!);
        var byUnit = (await supervisor.GetFromJsonAsync<JsonObject>($"/api/v1/tasks?tag={tag}&unitId={nrb}"))!;
        Assert.Equal(2, (int)byUnit["total"]!); // NRB leads one and co-operates on the other
        var assigned = (await supervisor.GetFromJsonAsync<JsonObject>($"/api/v1/tasks?tag={tag}&state=Assigned"))!;
        Assert.Equal((int)first["id"]!, (int)assigned["items"]![0]!["id"]!);
        Assert.Equal(1, (int)assigned["total"]!);
        var byText = (await supervisor.GetFromJsonAsync<JsonObject>($"/api/v1/tasks?tag={tag}&q=RELOCATE"))!;
        Assert.Equal((int)second["id"]!, (int)byText["items"]!.AsArray().Single()!["id"]!);

        using var zh = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/tasks/lists/tasks?tag={tag}&format=csv");
        zh.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var csv = await supervisor.SendAsync(zh);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFF序号,编号,任务内容,牵头领导,牵头单位,配合单位,完成时限,时间节点,状态,进度,来源,标签\r\n", text, StringComparison.Ordinal);
        Assert.Contains("整改督察反馈问题", text, StringComparison.Ordinal);
        Assert.Contains("大连市自然资源局", text, StringComparison.Ordinal);
        Assert.Contains("15个工作日", text, StringComparison.Ordinal); // not yet assigned: still counted in working days

        var xlsx = await supervisor.GetAsync($"/api/v1/tasks/lists/tasks?tag={tag}&format=xlsx");
        Assert.Equal(ListTable.XlsxContentType, xlsx.Content.Headers.ContentType?.ToString());
        var rows = TableReader.Read("tasks.xlsx", await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(["No.", "Code", "Task"], rows[0].Take(3));
        Assert.Equal(3, rows.Count);
        Assert.Equal("Relocate industrial enterprises", rows.Skip(1).Single(r => r[1] == (string?)second["code"])[2]);

        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync("/api/v1/tasks/lists/tasks?format=pdf")).StatusCode);
    }

    [Fact]
    public async Task ResponsibilityList_GivesEachUnitItsLeadAndCoOperatingTasks()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var shk = await app.UnitIdAsync("DL-SHK");
        var gjz = await app.UnitIdAsync("DL-GJZ");
        var led = await CreateAsync(supervisor, new { title = "Lead by Shahekou", leadUnitId = shk, deadline = Iso(Today.AddDays(30)) });
        var helped = await CreateAsync(supervisor, new { title = "Help Ganjingzi", leadUnitId = gjz, deadline = Iso(Today.AddDays(30)), partners = new[] { new { unitId = shk, part = "Provide the site list" } } });

        var list = (await supervisor.GetFromJsonAsync<JsonObject>($"/api/v1/tasks/lists/responsibility?unitId={shk}&pageSize=200"))!;
        var items = list["items"]!.AsArray();
        Assert.All(items, i => Assert.Equal("DL-SHK", (string?)i!["unit"]!["code"]));
        var lead = items.Single(i => (int)i!["taskId"]! == (int)led["id"]!)!;
        var cooperating = items.Single(i => (int)i!["taskId"]! == (int)helped["id"]!)!;
        Assert.Equal("lead", (string?)lead["role"]);
        Assert.Equal("co-operating", (string?)cooperating["role"]);
        Assert.Equal("Provide the site list", (string?)cooperating["part"]);
        Assert.True(items.IndexOf(lead) < items.IndexOf(cooperating)); // a unit's own tasks first

        using var zh = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/tasks/lists/responsibility?unitId={shk}&format=csv");
        zh.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var csv = Encoding.UTF8.GetString(await (await supervisor.SendAsync(zh)).Content.ReadAsByteArrayAsync());
        Assert.Contains("大连市沙河口区,DL-SHK,牵头,", csv, StringComparison.Ordinal);
        Assert.Contains("大连市沙河口区,DL-SHK,配合,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResponsibilityList_PagesAcrossUnits_InUnitCodeOrder_LeadFirst()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var shk = await app.UnitIdAsync("DL-SHK");
        var gjz = await app.UnitIdAsync("DL-GJZ");
        await CreateAsync(supervisor, new { title = "Paging lead", leadUnitId = gjz, deadline = Iso(Today.AddDays(30)), partners = new[] { new { unitId = shk, part = "Help" } } });
        await CreateAsync(supervisor, new { title = "Paging second", leadUnitId = shk, deadline = Iso(Today.AddDays(30)) });

        var whole = (await supervisor.GetFromJsonAsync<JsonObject>("/api/v1/tasks/lists/responsibility?pageSize=200"))!;
        var total = (int)whole["total"]!;
        List<string> Keys(JsonArray items) => [.. items.Select(i => $"{(string?)i!["unit"]!["code"]}|{(string?)i["role"]}|{(string?)i["taskCode"] ?? (string?)i["taskId"]?.ToString()}")];
        var expected = Keys(whole["items"]!.AsArray());
        Assert.Equal(Math.Min(total, 200), expected.Count);
        var ordered = expected.Select(k => k.Split('|')).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var (a, b) = (ordered[i - 1], ordered[i]);
            var byUnit = string.CompareOrdinal(a[0], b[0]);
            Assert.True(byUnit < 0 || (byUnit == 0 && (a[1] == b[1] || a[1] == "lead")), $"{string.Join('|', a)} before {string.Join('|', b)}");
        }

        List<string> paged = [];
        for (var page = 1; paged.Count < expected.Count; page++)
        {
            var part = (await supervisor.GetFromJsonAsync<JsonObject>($"/api/v1/tasks/lists/responsibility?pageSize=7&page={page}"))!;
            Assert.Equal(total, (int)part["total"]!);
            var items = part["items"]!.AsArray();
            Assert.NotEmpty(items);
            paged.AddRange(Keys(items));
        }

        Assert.Equal(expected, paged.Take(expected.Count));
    }

    [Fact]
    public async Task TimeNodeList_ListsDeadlinesAndTimeNodes_ByDate()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var start = Today.AddYears(3);
        var task = await CreateAsync(supervisor, new
        {
            title = "Build the science city",
            leadUnitId = await app.UnitIdAsync("DL-STB"),
            deadline = Iso(start.AddDays(20)),
            timeNodes = new[] { new { title = "Land secured", dueOn = Iso(start.AddDays(5)) } },
        });
        var list = (await supervisor.GetFromJsonAsync<JsonObject>($"/api/v1/tasks/lists/time-nodes?from={Iso(start)}&to={Iso(start.AddDays(30))}"))!;
        var items = list["items"]!.AsArray().Where(i => (int)i!["taskId"]! == (int)task["id"]!).ToList();
        Assert.Equal(["time-node", "deadline"], items.Select(i => (string?)i!["kind"]));
        Assert.Equal(Iso(start.AddDays(5)), (string?)items[0]!["date"]);
        Assert.Equal("Land secured", (string?)items[0]!["nodeTitle"]);

        var narrow = (await supervisor.GetFromJsonAsync<JsonObject>($"/api/v1/tasks/lists/time-nodes?from={Iso(start.AddDays(10))}&to={Iso(start.AddDays(30))}"))!;
        Assert.Single(narrow["items"]!.AsArray(), i => (int)i!["taskId"]! == (int)task["id"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync($"/api/v1/tasks/lists/time-nodes?from={Iso(start)}&to={Iso(start.AddDays(-1))}")).StatusCode);

        var xlsx = await supervisor.GetAsync($"/api/v1/tasks/lists/time-nodes?from={Iso(start)}&to={Iso(start.AddDays(30))}&format=xlsx");
        var rows = TableReader.Read("t.xlsx", await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Contains(rows, r => r.Count > 2 && r[0] == Iso(start.AddDays(5)) && r[2] == "Land secured");
    }

    [Fact]
    public async Task Inbox_AndBoard_ShowWhatIsOverdueDueAndWaiting()
    {
        var (overdue, supervisor, staff) = await SignedForAsync(app, "DL-LSK");
        var overdueId = (int)overdue["id"]!;
        await MakeOverdueAsync(overdueId, days: 10);

        var waiting = await CreateDraftAsync(supervisor, await app.UnitIdAsync("DL-LSK"));
        var assigned = await ActOkAsync(supervisor, (int)waiting["id"]!, "assign", (int)waiting["version"]!);

        var (extended, _, extendedStaff) = await SignedForAsync(app, "DL-ETC");
        await ActOkAsync(extendedStaff, (int)extended["id"]!, "request-extension", (int)extended["version"]!, "Parts are late", new { newDeadline = Iso(Today.AddDays(200)) });

        var inbox = (await staff.GetFromJsonAsync<JsonObject>("/api/v1/tasks/inbox"))!;
        Assert.Equal("DL-LSK", (string?)inbox["unit"]!["code"]);
        Assert.Contains(inbox["overdue"]!["items"]!.AsArray(), t => (int)t!["id"]! == overdueId);
        var late = inbox["overdue"]!["items"]!.AsArray().Single(t => (int)t!["id"]! == overdueId)!;
        Assert.Equal("Overdue", (string?)late["standing"]!["kind"]);
        Assert.True((int)late["standing"]!["workingDaysLate"]! >= 5);
        Assert.Contains(inbox["toSignFor"]!["items"]!.AsArray(), t => (int)t!["id"]! == (int)assigned["id"]!);
        Assert.DoesNotContain(inbox["overdue"]!["items"]!.AsArray(), t => (int)t!["id"]! == (int)assigned["id"]!);

        // Another unit's staff cannot read this unit's inbox.
        var other = await app.ApiClientAsync(Role.UnitStaff, "DL-FIN");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/tasks/inbox?unitId={await app.UnitIdAsync("DL-LSK")}")).StatusCode);

        var board = (await supervisor.GetFromJsonAsync<JsonObject>("/api/v1/tasks/board"))!;
        Assert.Contains(board["overdue"]!["items"]!.AsArray(), t => (int)t!["id"]! == overdueId);
        Assert.Contains(board["extensionRequests"]!["items"]!.AsArray(), t => (int)t!["id"]! == (int)extended["id"]!);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/tasks/board")).StatusCode);

        var overdueList = (await supervisor.GetFromJsonAsync<JsonObject>($"/api/v1/tasks/overdue?unitId={await app.UnitIdAsync("DL-LSK")}"))!;
        Assert.Equal([overdueId], overdueList["items"]!.AsArray().Select(t => (int)t!["id"]!));
    }

    /// <summary>Moves a task's deadline into the past, as if time had passed.</summary>
    [Fact]
    public async Task Inbox_ShowsAtOnce_WhatAnyWriterChanged_EvenBehindTheAppsBack()
    {
        // The inbox is answered from memory while nothing in it changed; these changes bypass the app (plain SQL, as
        // another instance, the command line or a bulk job would make them), so only the database's triggers see them.
        var (task, _, staff) = await SignedForAsync(app, "DL-PS");
        var id = (int)task["id"]!;
        static JsonNode? Row(JsonObject inbox, string list, int id) => inbox[list]!["items"]!.AsArray().SingleOrDefault(t => (int)t!["id"]! == id);
        var before = (await staff.GetFromJsonAsync<JsonObject>("/api/v1/tasks/inbox"))!;
        Assert.Null(Row(before, "overdue", id));
        Assert.Equal(before.ToJsonString(), (await staff.GetFromJsonAsync<JsonObject>("/api/v1/tasks/inbox"))!.ToJsonString());

        await MakeOverdueAsync(id, days: 3);
        var overdue = (await staff.GetFromJsonAsync<JsonObject>("/api/v1/tasks/inbox"))!;
        Assert.Equal("Overdue", (string?)Row(overdue, "overdue", id)!["standing"]!["kind"]);

        await using (var scope = app.Db())
        {
            await scope.Db.Set<TaskTag>().Where(t => t.TaskId == id).ExecuteDeleteAsync();
            scope.Db.Set<TaskTag>().Add(new TaskTag { TaskId = id, Tag = "behind-the-back" });
            await scope.Db.SaveChangesAsync();
        }

        var tagged = (await staff.GetFromJsonAsync<JsonObject>("/api/v1/tasks/inbox"))!;
        Assert.Equal(["behind-the-back"], Row(tagged, "overdue", id)!["tags"]!.AsArray().Select(t => (string?)t));

        var unitId = await app.UnitIdAsync("DL-PS");
        string renamed;
        await using (var scope = app.Db())
        {
            var unit = await scope.Db.Set<Unit>().SingleAsync(u => u.Id == unitId);
            renamed = unit.NameEn + " (renamed)";
            await scope.Db.Set<Unit>().Where(u => u.Id == unitId).ExecuteUpdateAsync(u => u.SetProperty(x => x.NameEn, renamed));
        }

        try
        {
            var named = (await staff.GetFromJsonAsync<JsonObject>("/api/v1/tasks/inbox"))!;
            Assert.Equal(renamed, (string?)named["unit"]!["nameEn"]);
            Assert.Equal(renamed, (string?)Row(named, "overdue", id)!["leadUnit"]!["nameEn"]);

            await using (var scope = app.Db())
            {
                await scope.Db.Set<WorkTask>().Where(t => t.Id == id).ExecuteUpdateAsync(t => t.SetProperty(x => x.LeadUnitId, unitId + 1));
            }

            Assert.Null(Row((await staff.GetFromJsonAsync<JsonObject>("/api/v1/tasks/inbox"))!, "overdue", id));
        }
        finally
        {
            await using var scope = app.Db();
            await scope.Db.Set<Unit>().Where(u => u.Id == unitId).ExecuteUpdateAsync(u => u.SetProperty(x => x.NameEn, renamed.Replace(" (renamed)", "", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task Inbox_ForAnyCaller_ShowsAtOnce_AChangeMadeBehindTheAppsBack()
    {
        // Unit staff asking for their inbox, staff naming their own unit, and the office asking for that unit's: each is
        // answered from memory while nothing changed, and each must see the change in the very next answer.
        var (task, supervisor, staff) = await SignedForAsync(app, "DL-GJZ");
        var id = (int)task["id"]!;
        var unitId = await app.UnitIdAsync("DL-GJZ");
        string[] asked = ["/api/v1/tasks/inbox", $"/api/v1/tasks/inbox?unitId={unitId}"];
        static bool Overdue(JsonObject inbox, int id) => inbox["overdue"]!["items"]!.AsArray().Any(t => (int)t!["id"]! == id);
        foreach (var client in new[] { staff, supervisor })
        {
            foreach (var path in asked.Skip(client == supervisor ? 1 : 0))
            {
                Assert.False(Overdue((await client.GetFromJsonAsync<JsonObject>(path))!, id));
                Assert.False(Overdue((await client.GetFromJsonAsync<JsonObject>(path))!, id)); // kept
            }
        }

        await MakeOverdueAsync(id, days: 4);

        foreach (var client in new[] { staff, supervisor })
        {
            foreach (var path in asked.Skip(client == supervisor ? 1 : 0))
            {
                Assert.True(Overdue((await client.GetFromJsonAsync<JsonObject>(path))!, id), path);
            }
        }
    }

    private async Task MakeOverdueAsync(int id, int days)
    {
        await using var scope = app.Db();
        var task = await scope.Db.Set<WorkTask>().Include(t => t.TimeNodes).SingleAsync(t => t.Id == id);
        task.Deadline = Today.AddDays(-days);
        task.RefreshDue([], Today);
        await scope.Db.SaveChangesAsync();
    }
}

public sealed class TaskListsApiOnSqlite(SqliteApp app) : TaskListsApiTests(app), IClassFixture<SqliteApp>;

public sealed class TaskListsApiOnPostgreSql(PostgreSqlApp app) : TaskListsApiTests(app), IClassFixture<PostgreSqlApp>;
