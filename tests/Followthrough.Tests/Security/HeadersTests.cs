using System.Net;
using Followthrough.Organization;
using Followthrough.Tests.Infrastructure;
using Followthrough.Web.Security;

namespace Followthrough.Tests.Security;

/// <summary>
/// Headers on every response (issue 14): a strict Content-Security-Policy, nosniff, a referrer policy, no framing;
/// HSTS over HTTPS outside Development; the session cookie Secure over HTTPS, also behind a trusted TLS proxy.
/// </summary>
public sealed class HeadersTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/sign-in", HttpStatusCode.OK)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/api/v1/me", HttpStatusCode.Unauthorized)]
    [InlineData("/api/v1/no-such-thing", HttpStatusCode.NotFound)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/healthz", HttpStatusCode.OK)]
    [InlineData("/openapi/v1.json", HttpStatusCode.OK)]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path, HttpStatusCode expected)
    {
        var response = await app.AnonymousClient().GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task SignedInPagesAndForms_CannotBeFramed()
    {
        var client = await app.SignInAsync(await app.CreateUserAsync(Role.Administrator));
        foreach (var path in new[] { "/account/password", "/people", "/tasks", "/account/tokens" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertSecurityHeaders(response);
        }
    }

    [Fact]
    public void Pages_HaveNoInlineScriptOrStyle_ThatThePolicyWouldBlock()
    {
        var sources = RepositoryFiles.PathOf("src");
        var offenders = Directory.EnumerateFiles(sources, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(l => l.line.Contains(" style=", StringComparison.Ordinal)
                || System.Text.RegularExpressions.Regex.IsMatch(l.line, @"\son[a-z]+=""", System.Text.RegularExpressions.RegexOptions.None)
                || System.Text.RegularExpressions.Regex.IsMatch(l.line, @"<script(?![^>]*\bsrc=)[^>]*>")
                || l.line.Contains("<style", StringComparison.Ordinal))
            .Select(l => $"{Path.GetRelativePath(sources, l.file)}:{l.number}: {l.line.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Inline script or style breaks under the Content-Security-Policy:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public async Task Hsts_IsNotSentInDevelopment_EvenOverHttps()
    {
        var response = await RawSession.NewClient(app, new Uri("https://followthrough.example")).GetAsync("/sign-in");
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task SessionCookie_IsSecureOverHttps_AndNotOverPlainHttp()
    {
        var user = await app.CreateUserAsync(Role.Leader);

        var overHttps = await SessionCookieAsync(RawSession.NewClient(app, new Uri("https://followthrough.example")), user);
        var overHttp = await SessionCookieAsync(RawSession.NewClient(app), user);

        Assert.Contains("secure", overHttps, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", overHttps, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", overHttp, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ForwardedProto_IsIgnored_UnlessForwardedHeadersAreConfigured()
    {
        var user = await app.CreateUserAsync(Role.Leader);
        var cookie = await SessionCookieAsync(RawSession.NewClient(app), user, r => r.Headers.Add("X-Forwarded-Proto", "https"));
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Single(response, "Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Single(response, "Referrer-Policy"));
    }

    /// <summary>Signs in with a client of its own and returns the Set-Cookie header of the session cookie.</summary>
    internal static async Task<string> SessionCookieAsync(HttpClient client, TestUser user, Action<HttpRequestMessage>? each = null)
    {
        var session = new RawSession(client);
        var response = await session.PostFormAsync("/sign-in", new() { ["UserName"] = user.UserName, ["Password"] = AppFixture.Password }, each: each);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ft.session=", StringComparison.Ordinal));
    }

    private static string Single(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? Assert.Single(values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri} has no {name} header");
}

/// <summary>Outside Development: HSTS over HTTPS, never over plain HTTP.</summary>
public sealed class HstsTests(ProductionApp app) : IClassFixture<ProductionApp>
{
    [Fact]
    public async Task Hsts_IsSentOverHttps_Only()
    {
        var overHttps = await RawSession.NewClient(app, new Uri("https://followthrough.example")).GetAsync("/sign-in");
        var overHttp = await RawSession.NewClient(app, new Uri("http://followthrough.example")).GetAsync("/sign-in");

        Assert.StartsWith("max-age=31536000", Assert.Single(overHttps.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.False(overHttp.Headers.Contains("Strict-Transport-Security"));
        HeadersTests.AssertSecurityHeaders(overHttps);
    }
}

/// <summary>Behind a TLS proxy that is configured as trusted, the cookie is Secure; a stranger's header changes nothing.</summary>
public sealed class ForwardedHeadersTests(LimitedSqliteApp app) : IClassFixture<LimitedSqliteApp>
{
    [Fact]
    public async Task FromTheTrustedProxy_ForwardedHttps_MakesTheCookieSecure()
    {
        var user = await app.CreateUserAsync(Role.Leader);
        var cookie = await HeadersTests.SessionCookieAsync(RawSession.NewClient(app), user, r =>
        {
            TestClientAddress.From("10.9.9.9")(r);
            r.Headers.Add("X-Forwarded-Proto", "https");
            r.Headers.Add("X-Forwarded-For", "203.0.113.7");
        });
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task FromAnotherAddress_ForwardedHttps_IsIgnored()
    {
        var user = await app.CreateUserAsync(Role.Leader);
        var cookie = await HeadersTests.SessionCookieAsync(RawSession.NewClient(app), user, r =>
        {
            TestClientAddress.From("10.1.2.3")(r);
            r.Headers.Add("X-Forwarded-Proto", "https");
        });
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
