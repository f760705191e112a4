using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Followthrough.Tests.Infrastructure;

namespace Followthrough.Tests.Services;

/// <summary>The bundle pages in both languages and /api/v1/services/bundle-applications' problem details, on both databases.</summary>
public abstract class BundlePagesTests(AppFixture app)
{
    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    [Fact]
    public async Task AnEnterpriseFilesABundleOnOneForm_ErrorsNameThePart_ThenFollowsOneStatus_InBothLanguages()
    {
        var cast = await BundleCast.CreateAsync(app);
        var anonymous = app.AnonymousClient();
        Assert.Contains($"href=\"/services/bundles/{cast.Bundle.Id}\"", await anonymous.GetStringAsync("/services"), StringComparison.Ordinal);
        var page = await anonymous.GetStringAsync($"/services/bundles/{cast.Bundle.Id}");
        Assert.Contains("Food business licence", page, StringComparison.Ordinal);
        Assert.Contains("One thing, one time", page, StringComparison.Ordinal);

        var me = await SignedInBrowserClient.SignInAsync(app, new TestUser(cast.Applicant.PersonId!.Value, cast.Applicant.Name, Role.Enterprise, null), AppFixture.Password);
        var apply = $"/services/bundles/{cast.Bundle.Id}/apply";
        var form = await me.GetPageAsync(apply);
        Assert.Equal(1, CountOf(form, "name=\"Answers[shopName]\"")); // asked once though both parts ask it
        Assert.Equal(3, CountOf(form, "<select id=\"material-")); // the form and the licence once, the lease once

        var missing = await me.PostFormAsync(apply, [F("Answers[shopName]", "海湾小馆"), F("FileIds[0]", $"{cast.FileId}"), F("ByLicence[1]", "true")]);
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        var errors = await missing.Content.ReadAsStringAsync();
        Assert.Contains("Food business licence: This material is required", errors, StringComparison.Ordinal);
        Assert.Contains("href=\"#material-2\"", errors, StringComparison.Ordinal);
        Assert.Contains("value=\"海湾小馆\"", errors, StringComparison.Ordinal); // nothing typed is lost

        var filed = await me.PostFormAsync(apply, [F("Answers[shopName]", "海湾小馆"), F("Answers[seats]", "40"), F("FileIds[0]", $"{cast.FileId}"), F("ByLicence[1]", "true"), F("FileIds[2]", $"{cast.FileId}")]);
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var status = filed.Headers.Location!.OriginalString;
        Assert.Contains("In progress", await me.GetPageAsync(status), StringComparison.Ordinal);
        Assert.Contains($"href=\"{status}\"", await me.GetPageAsync("/services/applications"), StringComparison.Ordinal);

        var chinese = await SignedInBrowserClient.SignInAsync(app, me.User!, AppFixture.Password, acceptLanguage: "zh-CN");
        var zh = await chinese.GetPageAsync(status);
        Assert.Contains("办理中", zh, StringComparison.Ordinal);
        Assert.Contains("受理时确定", zh, StringComparison.Ordinal);
        Assert.Contains("一件事一次办", await chinese.GetPageAsync($"/services/bundles/{cast.Bundle.Id}"), StringComparison.Ordinal);

        var stranger = await SignedInBrowserClient.CreateAsync(app, Role.Enterprise);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(status)).StatusCode);
    }

    [Fact]
    public async Task TheApi_FilesABundle_AndAnswersProblemDetailsPerPart_UnknownBundle_NotYours_NotAKeeper()
    {
        var cast = await BundleCast.CreateAsync(app);
        var me = await app.ApiClientAsync(new TestUser(cast.Applicant.PersonId!.Value, cast.Applicant.Name, Role.Enterprise, null));
        var form = await me.GetFromJsonAsync<JsonElement>($"/api/v1/services/bundles/{cast.Bundle.Id}/form");
        Assert.Equal(3, form.GetProperty("materials").GetArrayLength());

        var missing = await me.PostAsJsonAsync("/api/v1/services/bundle-applications", new
        {
            bundleId = cast.Bundle.Id, answers = new { shopName = "海湾小馆", seats = "40" }, materials = new[] { new { position = 0, fileId = cast.FileId } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var problem = await missing.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("parts[0].materials[1]", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("parts[1].materials[2]", out _));

        var unknown = await me.PostAsJsonAsync("/api/v1/services/bundle-applications", new { bundleId = 999999 });
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("bundleId", out _));

        var filed = await me.PostAsJsonAsync("/api/v1/services/bundle-applications", new
        {
            bundleId = cast.Bundle.Id, answers = new { shopName = "海湾小馆", seats = "40" },
            materials = new object[] { new { position = 0, fileId = cast.FileId }, new { position = 1, byLicence = true }, new { position = 2, fileId = cast.FileId } },
        });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var location = filed.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.OK, (await me.GetAsync(location)).StatusCode);
        var stranger = await app.ApiClientAsync(Role.Enterprise);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(location)).StatusCode);
        Assert.Equal("application/problem+json", (await stranger.GetAsync(location)).Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await me.PostAsJsonAsync("/api/v1/services/bundles", new { code = "X-1" })).StatusCode);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}

public sealed class BundlePagesOnSqlite(SqliteApp app) : BundlePagesTests(app), IClassFixture<SqliteApp>;

public sealed class BundlePagesOnPostgreSql(PostgreSqlApp app) : BundlePagesTests(app), IClassFixture<PostgreSqlApp>;
