using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Followthrough.Organization;
using Followthrough.Plans;
using Followthrough.Tests.Directives.Documents;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Tests.Security;

/// <summary>
/// Scopes (issue 14): evidence files and source documents are seen only by those who may see what they belong to,
/// and answer 404 to everyone else (their existence is not theirs to know); paging arithmetic does not overflow.
/// </summary>
public abstract class ScopeTests(AppFixture app)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 7, 7, 7];

    [Fact]
    public async Task AnotherUnitsEvidence_CannotBeReadOrCited_ButItsOwnUnitAndTheOfficeSeeIt()
    {
        using var stb = await app.ApiClientAsync(Role.UnitStaff, "DL-STB");
        using var drc = await app.ApiClientAsync(Role.UnitStaff, "DL-DRC");
        using var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        using var upload = new MultipartFormDataContent { { new ByteArrayContent(Png), "file", "stb-bulletin.png" } };
        var created = await stb.PostAsync("/api/v1/indicator-evidence", upload);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var evidenceId = (int)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        var readByOtherUnit = await drc.GetAsync($"/api/v1/indicator-evidence/{evidenceId}");
        var readByNothing = await drc.GetAsync("/api/v1/indicator-evidence/999999");
        var cited = await drc.PostAsJsonAsync($"/api/v1/indicators/{await IndicatorReportedByAsync("DL-DRC")}/values", new ValueWrite("2022", 1.5m, null, evidenceId));

        Assert.Equal(HttpStatusCode.NotFound, readByOtherUnit.StatusCode);
        Assert.Equal(await DetailAsync(readByNothing), await DetailAsync(readByOtherUnit));
        Assert.Equal(HttpStatusCode.BadRequest, cited.StatusCode);
        Assert.Contains("There is no evidence file", await cited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await stb.GetAsync($"/api/v1/indicator-evidence/{evidenceId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/v1/indicator-evidence/{evidenceId}")).StatusCode);
    }

    [Fact]
    public async Task EvidenceCitedForAUnitsIndicator_IsReadByThatUnitsStaff()
    {
        using var reporter = await app.ApiClientAsync(Role.UnitStaff, "DL-STB");
        using var colleague = await app.ApiClientAsync(Role.UnitStaff, "DL-STB");
        using var upload = new MultipartFormDataContent { { new ByteArrayContent(Png), "file", "cited.png" } };
        var evidenceId = (int)(await (await reporter.PostAsync("/api/v1/indicator-evidence", upload)).Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/api/v1/indicator-evidence/{evidenceId}")).StatusCode);

        var indicator = await IndicatorReportedByAsync("DL-STB");
        await using (var scope = app.Db())
        {
            // A value of the unit's indicator that cites the file (how it is reported is the Plans tests' business).
            scope.Db.Set<IndicatorValue>().Add(new IndicatorValue
            {
                IndicatorId = indicator, Year = 1999, SubPeriod = 0, Value = 2.5m, EvidenceId = evidenceId,
                ReportedByName = "test", ReportedAt = DateTime.UtcNow, Source = "test",
            });
            await scope.Db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync($"/api/v1/indicator-evidence/{evidenceId}")).StatusCode);
    }

    [Fact]
    public async Task ADocument_IsNotOpenedToUnitStaff_ByADraftTaskTheyCannotSee()
    {
        using var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        using var staff = await app.ApiClientAsync(Role.UnitStaff, "DL-DRC");
        var document = await DocumentSamples.PasteAsync(supervisor, DocumentSamples.Meeting, title: "Scope " + Guid.NewGuid().ToString("N")[..8]);
        Assert.Equal(HttpStatusCode.Created, document.StatusCode);
        var id = (int)(await document.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var candidates = (await supervisor.GetFromJsonAsync<JsonObject>($"/api/v1/documents/{id}/candidates"))!["items"]!.AsArray();
        foreach (var candidate in candidates)
        {
            var accepted = await supervisor.PutAsJsonAsync($"/api/v1/documents/{id}/candidates/{(int)candidate!["id"]!}", new
            {
                version = (int)candidate["version"]!,
                status = "Accepted",
                leadUnitId = await app.UnitIdAsync("DL-DRC"),
                partnerUnitIds = Array.Empty<int>(),
                deadline = "2027-03-31",
            });
            Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
        }

        var made = await supervisor.PostAsync($"/api/v1/documents/{id}/tasks", null);
        Assert.True(made.IsSuccessStatusCode, await made.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/v1/documents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/v1/documents/{id}/candidates")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/v1/documents/{id}/original")).StatusCode);
        var listed = (await staff.GetFromJsonAsync<JsonObject>("/api/v1/documents?pageSize=200"))!["items"]!.AsArray();
        Assert.DoesNotContain(listed, d => (int)d!["id"]! == id);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/v1/documents/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/me/tokens?page=2147483647")]
    [InlineData("/api/v1/documents?page=2147483647")]
    [InlineData("/api/v1/tasks?page=2147483647&pageSize=200")]
    [InlineData("/api/v1/people?page=10737420&pageSize=200")]
    public async Task AHugePageNumber_IsRefused_NotWrappedRoundToPageOne(string path)
    {
        using var client = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The page number must be at most", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Skip_NeverOverflows()
    {
        Assert.Equal(0, PageRequest.SkipFor(1, 50));
        Assert.Equal(50, PageRequest.SkipFor(2, 50));
        Assert.Equal(int.MaxValue, PageRequest.SkipFor(int.MaxValue, PageRequest.MaxPageSize));
        Assert.Equal(0, PageRequest.SkipFor(int.MinValue, 50));
        var errors = new ValidationErrors();
        var largest = PageRequest.From(PageRequest.MaxPage, PageRequest.MaxPageSize, errors);
        Assert.True(errors.IsEmpty);
        Assert.True(largest.Skip > 0);
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"];

    private async Task<int> IndicatorReportedByAsync(string unitCode)
    {
        var unitId = await app.UnitIdAsync(unitCode);
        await using var scope = app.Db();
        var id = await scope.Db.Set<Indicator>().Where(i => i.ReportingUnitId == unitId).OrderBy(i => i.Id).Select(i => (int?)i.Id).FirstOrDefaultAsync();
        Assert.True(id is not null, $"the demo has no indicator reported by {unitCode}");
        return id!.Value;
    }
}

public sealed class ScopesOnSqlite(SqliteApp app) : ScopeTests(app), IClassFixture<SqliteApp>;

public sealed class ScopesOnPostgreSql(PostgreSqlApp app) : ScopeTests(app), IClassFixture<PostgreSqlApp>;
