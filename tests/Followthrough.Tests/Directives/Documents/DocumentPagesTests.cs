using System.Net;
using System.Text.RegularExpressions;
using Followthrough.Directives.Documents;
using Followthrough.Organization;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Tests.Directives.Documents;

/// <summary>The document pages with plain forms (no JavaScript): upload, field errors, review, create tasks, the task's source.</summary>
public abstract partial class DocumentPagesTests(AppFixture app)
{
    [Fact]
    public async Task UploadForm_BlankText_ShowsTheFieldError_AndStoresNothing()
    {
        var client = await app.SignInAsync(await app.CreateUserAsync(Role.Supervisor, "DL-SUP"));
        var response = await client.PostFormAsync("/documents/new", new()
        {
            ["Kind"] = "MeetingRecord", ["Title"] = "blank page upload", ["Date"] = "2021-04-21", ["Text"] = "   ",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"text-error\"", html, StringComparison.Ordinal);
        await using var scope = app.Db();
        Assert.False(await scope.Db.Set<SourceDocument>().AnyAsync(d => d.Title == "blank page upload"));
    }

    [Fact]
    public async Task ReviewByForms_AcceptAndCreateTasks_TaskPageLinksBackToTheSentence()
    {
        var client = await app.SignInAsync(await app.CreateUserAsync(Role.Supervisor, "DL-SUP"));
        var uploaded = await client.PostFormAsync("/documents/new", new()
        {
            ["Kind"] = "MeetingRecord", ["Title"] = "page review", ["Date"] = "2021-04-21", ["IssuingBody"] = "市委常委会", ["Text"] = DocumentSamples.Meeting,
        });
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var page = uploaded.Headers.Location!.OriginalString;
        var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
        Assert.Contains("<mark id=\"s", html, StringComparison.Ordinal);
        Assert.Contains("class=\"actor\">市生态环境局</strong>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"deadline\">", html, StringComparison.Ordinal);

        int candidateId;
        await using (var scope = app.Db())
        {
            var documentId = int.Parse(page.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
            candidateId = await scope.Db.Set<DirectiveCandidate>().Where(c => c.DocumentId == documentId).OrderBy(c => c.StartOffset).Select(c => c.Id).FirstAsync();
        }

        var saved = await client.PostFormAsync(page, new()
        {
            ["CandidateId"] = candidateId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Version"] = "1",
            ["Status"] = "Accepted",
            ["Text"] = "制定督察反馈问题整改方案",
            ["LeadUnitId"] = (await app.UnitIdAsync("DL-EEB")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Deadline"] = "2021-06-30",
        }, page + "?handler=review");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var created = await client.PostFormAsync(page, [], page + "?handler=createTasks");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        int taskId;
        await using (var scope = app.Db())
        {
            taskId = (await scope.Db.Set<DirectiveCandidate>().SingleAsync(c => c.Id == candidateId)).TaskId!.Value;
        }

        var task = await (await client.GetAsync($"/tasks/{taskId}")).Content.ReadAsStringAsync();
        Assert.Contains("会议要求，市生态环境局牵头，2021年6月底前完成督察反馈问题整改方案。", task, StringComparison.Ordinal);
        Assert.Contains($"{page}?candidate={candidateId}#c{candidateId}", task, StringComparison.Ordinal);
        var back = await (await client.GetAsync($"{page}?candidate={candidateId}")).Content.ReadAsStringAsync();
        Assert.Matches(DraftCode(), back);
    }

    [GeneratedRegex(@"<a href=""/tasks/\d+"">DL-\d{4}-\d{4}</a>")]
    private static partial Regex DraftCode();
}

public sealed class DocumentPagesOnSqlite(SqliteApp app) : DocumentPagesTests(app), IClassFixture<SqliteApp>;

public sealed class DocumentPagesOnPostgreSql(PostgreSqlApp app) : DocumentPagesTests(app), IClassFixture<PostgreSqlApp>;
