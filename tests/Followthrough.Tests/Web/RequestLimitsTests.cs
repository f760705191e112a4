using System.Net;
using System.Text;
using Followthrough.Organization;
using Followthrough.Tests.Infrastructure;
using Followthrough.Web;

namespace Followthrough.Tests.Web;

/// <summary>Limits that only a real server enforces, so these run on Kestrel rather than the in-memory test server.</summary>
public sealed class RequestLimitsTests(KestrelApp app) : IClassFixture<KestrelApp>
{
    [Fact]
    public async Task OversizeBody_Gets413ProblemDetails_AndNothingIsCreated()
    {
        var client = await app.ApiClientAsync(Role.Administrator, "DL-GO");
        // As a well-behaved client does with a large body: wait for the server's go-ahead, so the 413 can be read
        // instead of a connection the server closed mid-upload.
        client.DefaultRequestHeaders.ExpectContinue = true;
        var padding = new string('x', (int)WebLimits.MaxRequestBodyBytes + 1024);
        var body = $$"""{"code":"DL-HUGE","nameZh":"过大","nameEn":"{{padding}}","kind":"Bureau"}""";

        var response = await client.PostAsync("/api/v1/units", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("too large", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var lookup = await client.GetAsync("/api/v1/units?q=DL-HUGE");
        Assert.DoesNotContain("DL-HUGE", await lookup.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerAnswersOnARealSocket()
    {
        Assert.Equal("127.0.0.1", app.BaseAddress.Host);
        using var plain = new HttpClient { BaseAddress = app.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await plain.GetAsync("/healthz")).StatusCode);
    }
}
