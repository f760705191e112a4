using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Followthrough.Organization;
using Followthrough.Tasks;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Followthrough.Tests.Tasks.TaskTestClient;

namespace Followthrough.Tests.Tasks;

/// <summary>The task pages, driven like a browser through the real sign-in form: forms, uploads, refusals, languages.</summary>
public abstract class TaskPagesTests(AppFixture app)
{
    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    [Fact]
    public async Task Supervisor_CreatesAndAssigns_UnitSignsForAndReportsWithAFile_AllThroughForms()
    {
        var supervisor = await SignedInBrowserClient.CreateAsync(app, Role.Supervisor, "DL-SUP");
        var staff = await SignedInBrowserClient.CreateAsync(app, Role.UnitStaff, "DL-FTZ");
        var title = $"Pilot free trade zone reform {Guid.NewGuid():N}";
        var created = await supervisor.PostFormAsync("/tasks/new",
        [
            F("Form.Title", title),
            F("Form.LeadUnitId", (await app.UnitIdAsync("DL-FTZ")).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            F("Form.DeadlineKind", "WorkingDays"),
            F("Form.DeadlineWorkingDays", "30"),
            F("Form.OriginKind", "Directive"),
            F("Form.ReportingCadence", "Monthly"),
            F("Form.SupervisionLevel", "Key"),
            F("Form.Tags", "开放, 自贸区"),
            F("Form.Partners[0].UnitId", (await app.UnitIdAsync("DL-BEB")).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            F("Form.Partners[0].Part", "Streamline approvals"),
            F("Form.TimeNodes[0].DueOn", Iso(Today.AddDays(10))),
            F("Form.TimeNodes[0].Title", "Work plan issued"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString;
        Assert.Matches(@"^/tasks/\d+\?done=created$", page);
        var id = int.Parse(page[7..page.IndexOf('?', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);

        var draft = await supervisor.GetPageAsync($"/tasks/{id}");
        Assert.Contains(title, draft, StringComparison.Ordinal);
        Assert.Contains("30 working days from assignment", draft, StringComparison.Ordinal);
        Assert.Contains("name=\"Step\" value=\"assign\"", draft, StringComparison.Ordinal);
        Assert.Contains("id=\"history-heading\"", draft, StringComparison.Ordinal);

        var assigned = await supervisor.PostFormAsync($"/tasks/{id}", [F("Step", "assign"), F("Version", "1"), F("Comment", "Start now")], $"/tasks/{id}?handler=Act");
        Assert.Equal($"/tasks/{id}?done=assign", assigned.Headers.Location?.OriginalString);

        var toSign = await staff.GetPageAsync($"/tasks/{id}");
        Assert.Contains("name=\"Step\" value=\"sign-for\"", toSign, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Step\" value=\"assign\"", toSign, StringComparison.Ordinal);
        var signed = await staff.PostFormAsync($"/tasks/{id}", [F("Step", "sign-for"), F("Version", "2"), F("Comment", "")], $"/tasks/{id}?handler=Act");
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);

        // The report form: multipart, with the anti-forgery token and a file.
        var form = await staff.GetPageAsync($"/tasks/{id}");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(SignedInBrowserClient.TokenIn(form)), SignedInBrowserClient.TokenField },
            { new StringContent("3"), "Version" },
            { new StringContent("25"), "Report.Percent" },
            { new StringContent("Approval steps mapped"), "Report.Done" },
            { new StringContent("Cut two steps"), "Report.NextSteps" },
        };
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "Files", "map.pdf");
        var reported = await staff.Client.PostAsync(new Uri($"/tasks/{id}?handler=Report", UriKind.Relative), content);
        Assert.Equal($"/tasks/{id}?done=report-progress", reported.Headers.Location?.OriginalString);

        var after = await staff.GetPageAsync($"/tasks/{id}?done=report-progress");
        Assert.Contains("role=\"status\">Done: Report progress.", after, StringComparison.Ordinal);
        Assert.Contains("Approval steps mapped", after, StringComparison.Ordinal);
        Assert.Contains("map.pdf</a>", after, StringComparison.Ordinal);
        Assert.Contains("25%", after, StringComparison.Ordinal);
        Assert.Contains("Start now", after, StringComparison.Ordinal); // the timeline keeps the assignment's comment
    }

    [Fact]
    public async Task BadReport_ShowsTheErrorByTheField_AndStaleStep_SaysSomeoneElseChangedIt()
    {
        var (task, _, api) = await SignedForAsync(app, "DL-GJZ");
        var id = (int)task["id"]!;
        var staffUser = await app.CreateUserAsync(Role.UnitStaff, "DL-GJZ");
        var staff = await SignedInBrowserClient.SignInAsync(app, staffUser, AppFixture.Password);

        var bad = await staff.PostFormAsync($"/tasks/{id}", [F("Version", ((int)task["version"]!).ToString(System.Globalization.CultureInfo.InvariantCulture)), F("Report.Percent", "140"), F("Report.Done", "")], $"/tasks/{id}?handler=Report");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("role=\"alert\" id=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"percent-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"done-error\"", html, StringComparison.Ordinal);

        var stale = await staff.PostFormAsync($"/tasks/{id}", [F("Step", "request-extension"), F("Version", "1"), F("Comment", "More time"), F("NewDeadline", Iso(Today.AddDays(300)))], $"/tasks/{id}?handler=Act");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone else changed this task", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherUnitsTask_Is403_AndAnonymousVisitors_AreSentToSignIn()
    {
        var (task, _, _) = await SignedForAsync(app, "DL-LSK");
        var id = (int)task["id"]!;
        var other = await SignedInBrowserClient.CreateAsync(app, Role.UnitStaff, "DL-FIN");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/tasks/{id}")).StatusCode);
        var anonymous = await SignedInBrowserClient.Anonymous(app).GetAsync($"/tasks/{id}");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/sign-in", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var staff = await SignedInBrowserClient.CreateAsync(app, Role.UnitStaff, "DL-LSK");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/tasks/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/tasks/board")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/tasks/import")).StatusCode);
    }

    [Fact]
    public async Task Pages_InChinese_ShowChineseLabels()
    {
        var (task, _, _) = await SignedForAsync(app, "DL-XG");
        var supervisor = await SignedInBrowserClient.CreateAsync(app, Role.Supervisor, "DL-SUP", acceptLanguage: "zh-CN");
        var html = await supervisor.GetPageAsync($"/tasks/{(int)task["id"]!}");
        Assert.Contains("已签收", html, StringComparison.Ordinal);
        Assert.Contains("办理轨迹", html, StringComparison.Ordinal);
        Assert.Contains("牵头单位", html, StringComparison.Ordinal);
        Assert.Contains("大连市西岗区", html, StringComparison.Ordinal);
        Assert.Contains("任务清单", await supervisor.GetPageAsync("/tasks"), StringComparison.Ordinal);
        Assert.Contains("督查看板", await supervisor.GetPageAsync("/tasks/board"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InboxBoardAndLists_Render_ForThoseWhoMaySeeThem()
    {
        var (task, _, _) = await SignedForAsync(app, "DL-SHK", "DL-ZS");
        var code = (string)task["code"]!;
        var staff = await SignedInBrowserClient.CreateAsync(app, Role.UnitStaff, "DL-SHK");
        Assert.Contains("<h1>Unit inbox", await staff.GetPageAsync("/tasks/inbox"), StringComparison.Ordinal);
        Assert.Contains(code, await staff.GetPageAsync("/tasks"), StringComparison.Ordinal);

        var partner = await SignedInBrowserClient.CreateAsync(app, Role.UnitStaff, "DL-ZS");
        var responsibility = await partner.GetPageAsync($"/tasks/lists/responsibility?unitId={await app.UnitIdAsync("DL-ZS")}");
        Assert.Contains(code, responsibility, StringComparison.Ordinal);
        Assert.Contains("Co-operating", responsibility, StringComparison.Ordinal);

        var leader = await SignedInBrowserClient.CreateAsync(app, Role.Leader, "DL-GOV");
        var deadline = DateOnly.Parse((string)task["deadline"]!, System.Globalization.CultureInfo.InvariantCulture);
        var month = await leader.GetPageAsync($"/tasks/lists/time-nodes?month={deadline:yyyy-MM}");
        Assert.Contains($"id=\"d-{Iso(deadline)}\"", month, StringComparison.Ordinal);
        Assert.Contains(code, month, StringComparison.Ordinal);
        Assert.Contains("<h1>Supervisor&#x27;s board</h1>", await leader.GetPageAsync("/tasks/board"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPage_ListsEveryProblem_ThenImportsAGoodTable()
    {
        var supervisor = await SignedInBrowserClient.CreateAsync(app, Role.Supervisor, "DL-SUP");
        var before = await CountAsync();
        var bad = await PostTableAsync(supervisor, DecompositionTables.Csv(["序号", "任务内容", "牵头单位", "完成时限"], ["1", "x", "火星局", "尽快"]));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Unknown unit: 火星局", html, StringComparison.Ordinal);
        Assert.Contains("Not a deadline: 尽快", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());

        var title = $"减轻基层负担{Guid.NewGuid():N}"[..16];
        var good = await PostTableAsync(supervisor, DecompositionTables.Csv(["序号", "任务内容", "牵头单位", "完成时限"], ["1", title, "市政府办公室", "长期坚持"]));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Contains("1 draft task(s) created.", await good.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before + 1, await CountAsync());
    }

    private static async Task<HttpResponseMessage> PostTableAsync(SignedInBrowserClient browser, byte[] table)
    {
        var page = await browser.GetPageAsync("/tasks/import");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(SignedInBrowserClient.TokenIn(page)), SignedInBrowserClient.TokenField },
            { new StringContent("Directive"), "OriginKind" },
            { new ByteArrayContent(table), "Table", "分解表.csv" },
        };
        return await browser.Client.PostAsync(new Uri("/tasks/import", UriKind.Relative), content);
    }

    private async Task<int> CountAsync()
    {
        await using var scope = app.Db();
        return await scope.Db.Set<WorkTask>().CountAsync();
    }
}

public sealed class TaskPagesOnSqlite(SqliteApp app) : TaskPagesTests(app), IClassFixture<SqliteApp>;

public sealed class TaskPagesOnPostgreSql(PostgreSqlApp app) : TaskPagesTests(app), IClassFixture<PostgreSqlApp>;
