using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Followthrough.Directives.Documents;
using Followthrough.Plans;
using Followthrough.Tasks;
using Followthrough.Tests.Directives.Documents;
using Followthrough.Tests.Infrastructure;
using Followthrough.Tests.Plans;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Tests.Security;

/// <summary>
/// Hostile files sent to the real API (issue 14): each is refused with 400 or 413 and a problem that names the limit,
/// nothing is stored, and the host goes on answering. Before the guarded reader, the nested files ended the process
/// with a stack overflow and the zip bomb took gigabytes and answered 500.
/// </summary>
public abstract class HostileFilesApiTests(AppFixture app)
{
    private const long Megabyte = 1024 * 1024;

    [Theory]
    [InlineData("/api/v1/tasks/import")]
    [InlineData("/api/v1/plans/import")]
    public async Task DeeplyNestedWorkbook_IsRefusedNamingTheDepthLimit_AndTheHostLives(string path)
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var before = await CountsAsync();
        var (status, body) = await PostFileAsync(supervisor, path, "nested.xlsx", HostileFiles.DeeplyNestedXlsx());
        Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{status}: {body}");
        Assert.Contains("MaxXmlDepth", body, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
        await HostAnswersAsync(supervisor);
    }

    [Fact]
    public async Task DeeplyNestedWordDocument_IsRefusedNamingTheDepthLimit_AndTheHostLives()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var before = await CountsAsync();
        var response = await DocumentSamples.UploadAsync(supervisor, "nested.docx", HostileFiles.DeeplyNestedDocx());
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("MaxXmlDepth", body, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
        await HostAnswersAsync(supervisor);
    }

    [Fact]
    public async Task ZipBombWordDocument_IsRefused_WithBoundedMemory_AndNothingStored()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var bomb = HostileFiles.ZipBombDocx;
        Assert.True(bomb.Length < DocumentFile.MaxBytes, $"the bomb is {bomb.Length:N0} bytes, under the upload limit");
        var before = await CountsAsync();
        using var process = Process.GetCurrentProcess();
        var peakBefore = process.PeakWorkingSet64;
        var response = await DocumentSamples.UploadAsync(supervisor, "bomb.docx", bomb);
        process.Refresh();
        var grown = process.PeakWorkingSet64 - peakBefore;
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Followthrough:Files:MaxEntryBytes", body, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
        // The whole test process's peak (other tests run alongside): the old reader took 7.75 GB here.
        Assert.True(grown < 500 * Megabyte, $"the process's peak working set grew by {grown / Megabyte} MB");
        await HostAnswersAsync(supervisor);
    }

    [Fact]
    public async Task SmallWordFileOfMillionsOfCharacters_IsRefusedNamingTheCharacterLimit()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var document = HostileFiles.WordStreamed(95 * Megabyte); // about 23 million characters of directives
        Assert.True(document.Length < DocumentFile.MaxBytes, $"the file is {document.Length:N0} bytes");
        var before = await CountsAsync();
        var response = await DocumentSamples.UploadAsync(supervisor, "small.docx", document);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Contains("MaxDocumentCharacters", body, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task DocumentWithMoreCandidatesThanAllowed_IsRefusedNamingTheLimit_AndNothingStored()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var text = new StringBuilder();
        for (var i = 1; i <= 2_100; i++)
        {
            text.Append("会议要求，市生态环境局牵头，2021年6月底前完成第").Append(i).Append("项督察反馈问题整改方案。\n");
        }

        var before = await CountsAsync();
        var pasted = await DocumentSamples.PasteAsync(supervisor, text.ToString(), title: "too many directives");
        Assert.Equal(HttpStatusCode.BadRequest, pasted.StatusCode);
        Assert.Contains("MaxCandidatesPerDocument", await pasted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var uploaded = await DocumentSamples.UploadAsync(supervisor, "many.docx", HostileFiles.Docx(string.Concat(text.ToString().Split('\n').Select(HostileFiles.Paragraph))));
        Assert.Equal(HttpStatusCode.BadRequest, uploaded.StatusCode);
        Assert.Contains("MaxCandidatesPerDocument", await uploaded.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("/api/v1/tasks/import")]
    [InlineData("/api/v1/plans/import")]
    public async Task RowNumberedAHundredMillion_IsRefusedNamingTheRowLimit(string path)
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var file = HostileFiles.Xlsx(HostileFiles.Row(1, "序号", "任务内容", "牵头单位") + HostileFiles.Row(100_000_000, "1", "x", "DL-DRC"));
        var (status, body) = await PostFileAsync(supervisor, path, "far.xlsx", file);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("MaxRows", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/tasks/import")]
    [InlineData("/api/v1/plans/import")]
    public async Task WorkbookWithADoctype_Is400_Not500(string path)
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var file = HostileFiles.Xlsx(HostileFiles.Row(1, "序号"), doctype: "<!DOCTYPE workbook [<!ENTITY e \"eeeeeeeeee\">]>");
        var (status, body) = await PostFileAsync(supervisor, path, "doctype.xlsx", file);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("DTD", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanExport_OverTheApi_WritesNoFormula_AsCsvOrExcel()
    {
        const string formula = "=HYPERLINK(\"http://example.invalid/\",\"点击\")";
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var file = new TestPlanFile("FX-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant());
        file.Items[0]["text_zh"] = formula;
        var (status, body) = await PostFileAsync(supervisor, "/api/v1/plans/import", "plan.xlsx", file.Xlsx());
        Assert.True(status == HttpStatusCode.OK, body);
        var plans = JsonNode.Parse(await supervisor.GetStringAsync($"/api/v1/plans?code={file.Code}"))!;
        var id = (int)plans["items"]![0]!["id"]!;

        var csv = await supervisor.GetStringAsync($"/api/v1/plans/{id}/export?format=csv");
        Assert.Contains("\"'=HYPERLINK(", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", csv, StringComparison.Ordinal);
        HostileFilesCliTests.ExcelKeepsAsText(await supervisor.GetByteArrayAsync($"/api/v1/plans/{id}/export?format=xlsx"), formula);
    }

    [Fact]
    public async Task TaskImportPage_ShowsTheRefusal_AsAReadableMessage()
    {
        var supervisor = await SignedInBrowserClient.CreateAsync(app, Role.Supervisor, "DL-SUP");
        var page = await supervisor.GetPageAsync("/tasks/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(SignedInBrowserClient.TokenIn(page)), SignedInBrowserClient.TokenField },
            { new StringContent("Directive"), "OriginKind" },
            { new ByteArrayContent(HostileFiles.DeeplyNestedXlsx()), "Table", "nested.xlsx" },
        };
        var response = await supervisor.Client.PostAsync(new Uri("/tasks/import", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("nests deeper than 100 levels", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarImport_OfMoreLinesThanAllowed_IsRefusedNamingTheLimit()
    {
        var admin = await app.ApiClientAsync(Role.Administrator);
        using var content = new StringContent(string.Concat(Enumerable.Repeat("#\n", 200_001)), Encoding.UTF8, "text/csv");
        var response = await admin.PostAsync(new Uri("/api/v1/calendar/schedules/import?year=2088", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Contains("MaxRows", body, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostFileAsync(HttpClient client, string path, string name, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        var response = await client.PostAsync(path, form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task HostAnswersAsync(HttpClient client) =>
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

    /// <summary>Documents, candidates, tasks and plans: a refused file adds to none of them.</summary>
    private async Task<(int, int, int, int)> CountsAsync()
    {
        await using var scope = app.Db();
        return (await scope.Db.Set<SourceDocument>().CountAsync(), await scope.Db.Set<DirectiveCandidate>().CountAsync(),
            await scope.Db.Set<WorkTask>().CountAsync(), await scope.Db.Set<Plan>().CountAsync());
    }
}

public sealed class HostileFilesApiOnSqlite(SqliteApp app) : HostileFilesApiTests(app), IClassFixture<SqliteApp>;

public sealed class HostileFilesApiOnPostgreSql(PostgreSqlApp app) : HostileFilesApiTests(app), IClassFixture<PostgreSqlApp>;
