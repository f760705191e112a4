using System.Net;
using Followthrough.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Followthrough.Tests.Security;

/// <summary>
/// A browser session whose cookies the test holds itself, so it can be copied (a saved or stolen cookie) and sent
/// from another client. Cookies are sent as a Cookie header; redirects are not followed.
/// </summary>
public sealed class RawSession(HttpClient client, Dictionary<string, string>? cookies = null)
{
    private readonly Dictionary<string, string> _cookies = cookies is null ? new() : new(cookies);

    public HttpClient Client => client;

    public IReadOnlyDictionary<string, string> Cookies => _cookies;

    public static async Task<RawSession> SignInAsync(AppFixture app, TestUser user, Action<HttpRequestMessage>? each = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(user);
        var session = new RawSession(NewClient(app));
        var response = await session.PostFormAsync("/sign-in", new() { ["UserName"] = user.UserName, ["Password"] = AppFixture.Password }, each: each);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(session.Cookies.ContainsKey("ft.session"), "signing in set no session cookie");
        return session;
    }

    public static HttpClient NewClient(AppFixture app, Uri? baseAddress = null) =>
        app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = baseAddress ?? new Uri("http://localhost") });

    /// <summary>The same cookies, sent from another client: a saved copy of the session.</summary>
    public RawSession Copy(HttpClient? other = null) => new(other ?? client, _cookies);

    public Task<HttpResponseMessage> GetAsync(string path, Action<HttpRequestMessage>? each = null) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path), each);

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, Action<HttpRequestMessage>? each = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        each?.Invoke(request);
        var response = await client.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0];
            var name = pair[..pair.IndexOf('=', StringComparison.Ordinal)];
            var value = pair[(name.Length + 1)..];
            if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                _cookies.Remove(name);
            }
            else
            {
                _cookies[name] = value;
            }
        }

        return response;
    }

    /// <summary>Opens the form page, then posts the fields with its anti-forgery token (to <paramref name="action"/> if given).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, Dictionary<string, string> fields, string? action = null, Action<HttpRequestMessage>? each = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var page = await GetAsync(formPage, each);
        Assert.True(page.IsSuccessStatusCode, $"GET {formPage} answered {(int)page.StatusCode}");
        fields["__RequestVerificationToken"] = SignedInClient.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, action ?? formPage) { Content = new FormUrlEncodedContent(fields) }, each);
    }
}
