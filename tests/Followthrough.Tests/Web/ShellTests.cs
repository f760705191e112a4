using System.Net;
using Followthrough.Tests.Infrastructure;

namespace Followthrough.Tests.Web;

public abstract class ShellTests(AppFixture app)
{
    [Fact]
    public async Task Healthz_AndReadyz_AnswerHealthy()
    {
        var client = app.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HomePage_InChinese_WhenTheBrowserAsksForIt()
    {
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9");
        var html = await client.GetStringAsync("/");
        Assert.Contains("lang=\"zh-Hans\"", html, StringComparison.Ordinal);
        Assert.Contains("登录", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_GetsReadable404Page_AndUnknownApiRoute_GetsProblemDetails()
    {
        var client = app.AnonymousClient();
        var page = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Page not found", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var api = await client.GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class ShellOnSqlite(SqliteApp app) : ShellTests(app), IClassFixture<SqliteApp>;

public sealed class ShellOnPostgreSql(PostgreSqlApp app) : ShellTests(app), IClassFixture<PostgreSqlApp>;
