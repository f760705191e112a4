using System.Net;
using System.Net.Http.Json;
using System.Text;
using Followthrough.Organization;
using Followthrough.Tests.Infrastructure;
using Followthrough.Web.Security;

namespace Followthrough.Tests.Security;

/// <summary>
/// A change on the API made with the sign-in cookie needs the anti-forgery token or an allowed Origin (issue 14);
/// calls with an API token are unaffected.
/// </summary>
public sealed class CookieChangeTests(LimitedSqliteApp app) : IClassFixture<LimitedSqliteApp>
{
    private const string Own = "http://localhost";

    [Fact]
    public async Task CookieChange_WithoutTokenOrOrigin_Is403WithAClearDetail()
    {
        var session = await RawSession.SignInAsync(app, await app.CreateUserAsync(Role.Leader));

        var response = await session.SendAsync(NewToken());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("anti-forgery token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Own, HttpStatusCode.Created)]
    [InlineData(LimitedApp.AllowedOrigin, HttpStatusCode.Created)]
    [InlineData("https://evil.example", HttpStatusCode.Forbidden)]
    [InlineData("null", HttpStatusCode.Forbidden)]
    [InlineData("http://localhost.evil.example", HttpStatusCode.Forbidden)]
    public async Task CookieChange_IsJudgedByItsOrigin(string origin, HttpStatusCode expected)
    {
        var session = await RawSession.SignInAsync(app, await app.CreateUserAsync(Role.Leader));
        var request = NewToken();
        request.Headers.Add("Origin", origin);

        Assert.Equal(expected, (await session.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task CookieChange_WithThePagesAntiforgeryToken_IsAccepted_AndAForgedTokenIsNot()
    {
        var session = await RawSession.SignInAsync(app, await app.CreateUserAsync(Role.Leader));
        var token = SignedInClient.AntiforgeryToken(await (await session.GetAsync("/account/tokens")).Content.ReadAsStringAsync());

        var good = NewToken();
        good.Headers.Add(CookieChangeGuard.TokenHeader, token);
        var forged = NewToken();
        forged.Headers.Add(CookieChangeGuard.TokenHeader, "CfDJ8-not-a-real-token");

        Assert.Equal(HttpStatusCode.Created, (await session.SendAsync(good)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.SendAsync(forged)).StatusCode);
    }

    [Fact]
    public async Task CookieMultipartUpload_WithoutOrigin_IsRefused_BeforeTheFileIsRead()
    {
        var session = await RawSession.SignInAsync(app, await app.CreateUserAsync(Role.Supervisor));

        var refused = await session.SendAsync(Upload());
        var fromThisSite = Upload();
        fromThisSite.Headers.Add("Origin", Own);
        var accepted = await session.SendAsync(fromThisSite);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task CookieDelete_WithoutOrigin_IsRefused_AndReadsAreNotChecked()
    {
        var session = await RawSession.SignInAsync(app, await app.CreateUserAsync(Role.Leader));

        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/me/tokens")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me/tokens/1"))).StatusCode);
    }

    [Fact]
    public async Task ApiTokenCalls_AreNotChecked()
    {
        using var client = await app.ApiClientAsync(Role.Leader);
        var request = NewToken();
        request.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(NewToken())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Anonymous_StillGets401_Not403()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.AnonymousClient().SendAsync(NewToken())).StatusCode);
    }

    private static HttpRequestMessage NewToken() =>
        new(HttpMethod.Post, "/api/v1/me/tokens") { Content = JsonContent.Create(new { name = "cookie change" }) };

    private static HttpRequestMessage Upload()
    {
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(Followthrough.Tests.Directives.Documents.DocumentSamples.Meeting)), "file", "notice.txt" },
            { new StringContent("MeetingRecord"), "kind" },
            { new StringContent("Cookie upload"), "title" },
            { new StringContent("2021-04-21"), "date" },
            { new StringContent("市委常委会"), "issuingBody" },
        };
        return new HttpRequestMessage(HttpMethod.Post, "/api/v1/documents/files") { Content = form };
    }
}
