using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Tasks;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Followthrough.Tests.Tasks.TaskTestClient;

namespace Followthrough.Tests.Tasks;

/// <summary>Importing a task-decomposition table: checked whole, then all rows become drafts, or none do.</summary>
public abstract class ImportApiTests(AppFixture app)
{
    private static readonly string[] ChineseHeader = ["序号", "任务内容", "牵头领导", "牵头单位", "配合单位", "完成时限", "时间节点"];

    [Fact]
    public async Task ChineseHeaderCsv_BecomesDrafts_WithUnitsLeadersDeadlinesAndTimeNodes()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var marker = Guid.NewGuid().ToString("N")[..8];
        var table = DecompositionTables.Csv(
            ChineseHeader,
            ["一、生态环境"],
            ["1", $"推进中央生态环境保护督察反馈问题整改{marker}", "李建华", "市生态环境局", "市自然资源局、市发展改革委", "2030年6月底前", "2030年5月底前制定整改方案；2030年6月中旬完成现场核查"],
            ["二、城市更新"],
            ["2", $"推动中心城区工业企业搬迁改造{marker}", "李建华", "市工信局", "金普新区;市财政局", "20个工作日", ""],
            ["3", $"切实为基层减负{marker}", "", "市政府办公室", "", "长期坚持", ""]);

        var response = await ImportAsync(supervisor, "任务分解表.csv", table, origin: "Directive", reference: "市委常委会 2021-04-21");
        var report = await OkAsync(response);
        Assert.True((bool)report["succeeded"]!);
        var created = report["tasks"]!.AsArray();
        Assert.Equal([3, 5, 6], created.Select(t => (int)t!["row"]!)); // spreadsheet rows; the headings are skipped
        Assert.Equal(["1", "2", "3"], created.Select(t => (string?)t!["number"]));

        var first = await GetAsync(supervisor, (int)created[0]!["id"]!);
        Assert.Equal("Draft", (string?)first["state"]);
        Assert.Equal("DL-EEB", (string?)first["leadUnit"]!["code"]);
        Assert.Equal("李建华", (string?)first["leadLeader"]!["nameZh"]);
        Assert.Equal(["DL-NRB", "DL-DRC"], first["partners"]!.AsArray().Select(p => (string?)p!["unit"]!["code"]));
        Assert.Equal("2030-06-30", (string?)first["deadline"]);
        Assert.Equal(["2030-05-31", "2030-06-20"], first["timeNodes"]!.AsArray().Select(n => (string?)n!["dueOn"]));
        Assert.Equal("制定整改方案", (string?)first["timeNodes"]![0]!["title"]);
        Assert.Equal("Directive", (string?)first["originKind"]);
        Assert.Equal("市委常委会 2021-04-21", (string?)first["originReference"]);

        var second = await GetAsync(supervisor, (int)created[1]!["id"]!);
        Assert.Equal("WorkingDays", (string?)second["deadlineKind"]);
        Assert.Equal(20, (int)second["deadlineWorkingDays"]!);
        Assert.Equal(["DL-JP", "DL-FIN"], second["partners"]!.AsArray().Select(p => (string?)p!["unit"]!["code"]));

        var third = await GetAsync(supervisor, (int)created[2]!["id"]!);
        Assert.Equal("None", (string?)third["deadlineKind"]);
        Assert.Null(third["leadLeader"]);

        var timeline = (await supervisor.GetFromJsonAsync<JsonArray>($"/api/v1/tasks/{(int)created[0]!["id"]!}/timeline"))!;
        Assert.Equal("imported", (string?)timeline.Single()!["action"]);
        Assert.Contains("row 3", (string?)timeline.Single()!["comment"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnglishHeaderXlsx_WithSharedStringsAndADateCell_IsReadToo()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var title = $"Build the Yingge Stone Science City {Guid.NewGuid():N}";
        var table = DecompositionTables.Xlsx(
            ["No.", "Task", "Lead leader", "Lead unit", "Co-operating units", "Deadline", "Time nodes", "Tags"],
            ["1", title, "Li Jianhua", "DL-STB", "DUT, DICP", new DateTime(2029, 12, 31, 0, 0, 0, DateTimeKind.Unspecified).ToOADate(), "2029-06-30 land secured", "science; innovation"]);
        var report = await OkAsync(await ImportAsync(supervisor, "decomposition.xlsx", table));
        var task = await GetAsync(supervisor, (int)report["tasks"]![0]!["id"]!);
        Assert.Equal(title, (string?)task["title"]);
        Assert.Equal("2029-12-31", (string?)task["deadline"]);
        Assert.Equal(["DUT", "DICP"], task["partners"]!.AsArray().Select(p => (string?)p!["unit"]!["code"]));
        Assert.Equal("land secured", (string?)task["timeNodes"]![0]!["title"]);
        Assert.Equal(["innovation", "science"], task["tags"]!.AsArray().Select(t => (string?)t));
    }

    [Fact]
    public async Task Gb18030Csv_FromChineseExcel_IsDecoded()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var title = $"优化营商环境{Guid.NewGuid():N}"[..20];
        var table = DecompositionTables.Gb18030Csv(["序号", "任务内容", "牵头单位", "完成时限"], ["1", title, "市营商局", "2030年底前"]);
        var report = await OkAsync(await ImportAsync(supervisor, "gbk.csv", table));
        Assert.Equal(title, (string?)report["tasks"]![0]!["title"]);
    }

    [Fact]
    public async Task EveryBadRowAndCell_IsListed_AndNothingIsWritten()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var before = await CountAsync();
        var table = DecompositionTables.Csv(
            ChineseHeader,
            ["1", "好的一行", "李建华", "市生态环境局", "", "2030年6月底前", ""],
            ["2", "未知单位", "", "市不存在局", "市发改委、火星局", "2030年6月底前", ""],
            ["3", "未知领导", "张三丰", "市科技局", "", "2030年6月底前", ""],
            ["4", "坏日期", "", "市科技局", "", "尽快", ""],
            ["5", "", "", "市科技局", "", "2030年6月底前", ""],
            ["5", "重复序号", "", "市科技局", "", "2030年6月底前", ""],
            ["7", "坏节点", "", "市科技局", "", "2030年6月底前", "下个月完成方案；2031年1月底前验收"]);
        var response = await ImportAsync(supervisor, "bad.csv", table);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var errors = problem["errors"]!.AsArray().Select(e => $"{(int)e!["row"]!} {(string?)e["column"]}: {(string?)e["message"]}").ToList();
        Assert.Contains(errors, e => e.StartsWith("3 牵头单位: Unknown unit: 市不存在局", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("3 配合单位: Unknown unit: 火星局", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("4 牵头领导: Unknown leader: 张三丰", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("5 完成时限: Not a deadline: 尽快", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("6 任务内容: The task text is missing", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("7 序号: The no. 5 is used twice (also in row 6)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("8 时间节点: No date in the time node: 下个月完成方案", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("8 时间节点: The time node 2031年1月底前验收 falls after the deadline", StringComparison.Ordinal));
        Assert.Equal(8, errors.Count);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task MissingRequiredColumns_OrUnreadableFiles_AreRefusedWhole()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var noLead = await ImportAsync(supervisor, "t.csv", DecompositionTables.Csv(["序号", "任务内容", "完成时限"], ["1", "x", "2030年底前"]));
        Assert.Equal(HttpStatusCode.BadRequest, noLead.StatusCode);
        Assert.Contains("no lead unit (牵头单位) column", await noLead.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var notExcel = await ImportAsync(supervisor, "t.xlsx", TaskTestClient.Pdf);
        Assert.Contains("not a readable Excel workbook", await notExcel.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var wrongType = await ImportAsync(supervisor, "t.pdf", TaskTestClient.Pdf);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);

        var staff = await app.ApiClientAsync(Role.UnitStaff, "DL-DRC");
        Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(staff, "t.csv", DecompositionTables.Csv(ChineseHeader))).StatusCode);
    }

    [Fact]
    public async Task DryRun_ChecksAndPreviews_WithoutWriting()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var before = await CountAsync();
        var table = DecompositionTables.Csv(["序号", "任务内容", "牵头单位", "完成时限"], ["1", "预演", "市科技局", "2030年底前"]);
        var report = await OkAsync(await ImportAsync(supervisor, "t.csv", table, dryRun: true));
        Assert.True((bool)report["dryRun"]!);
        Assert.Null((int?)report["tasks"]![0]!["id"]);
        Assert.Equal(before, await CountAsync());
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string name, byte[] content, string? origin = null, string? reference = null, bool dryRun = false)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        if (origin is not null)
        {
            form.Add(new StringContent(origin), "originKind");
        }

        if (reference is not null)
        {
            form.Add(new StringContent(reference), "originReference");
        }

        form.Add(new StringContent(dryRun ? "true" : "false"), "dryRun");
        return await client.PostAsync("/api/v1/tasks/import", form);
    }

    private static async Task<JsonNode> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!;
    }

    private Task<int> CountAsync() =>
        app.WithServicesAsync(sp => sp.GetRequiredService<FollowthroughDb>().Set<WorkTask>().CountAsync());
}

public sealed class ImportApiOnSqlite(SqliteApp app) : ImportApiTests(app), IClassFixture<SqliteApp>;

public sealed class ImportApiOnPostgreSql(PostgreSqlApp app) : ImportApiTests(app), IClassFixture<PostgreSqlApp>;
