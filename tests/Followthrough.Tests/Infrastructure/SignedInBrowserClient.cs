using System.Net;
using System.Text.RegularExpressions;
using Followthrough.Organization;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Followthrough.Tests.Infrastructure;

/// <summary>
/// An HttpClient that behaves like a browser on the server-rendered pages: it keeps cookies, does not follow
/// redirects (so tests see them), and signs in through the real /sign-in form with its anti-forgery token.
/// Post forms with <see cref="PostFormAsync"/>, which reads the token from the page the form is on, as a browser would.
/// </summary>
public sealed partial class SignedInBrowserClient
{
    public const string TokenField = "__RequestVerificationToken";

    private SignedInBrowserClient(HttpClient client, TestUser? user)
    {
        Client = client;
        User = user;
    }

    public HttpClient Client { get; }

    /// <summary>The person signed in; null for an anonymous browser.</summary>
    public TestUser? User { get; }

    /// <summary>A browser signed in as a new person with that role (and unit), optionally asking for a language.</summary>
    public static async Task<SignedInBrowserClient> CreateAsync(AppFixture app, Role role, string? unitCode = null, string? acceptLanguage = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var user = await app.CreateUserAsync(role, unitCode);
        return await SignInAsync(app, user, AppFixture.Password, acceptLanguage);
    }

    /// <summary>A browser signed in as an existing person, through the sign-in form.</summary>
    public static async Task<SignedInBrowserClient> SignInAsync(AppFixture app, TestUser user, string password, string? acceptLanguage = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(user);
        var browser = Anonymous(app, acceptLanguage, user);
        var response = await browser.PostFormAsync("/sign-in", [new("UserName", user.UserName), new("Password", password)]);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in {user.UserName} through the form failed: {(int)response.StatusCode}.");
        }

        return browser;
    }

    /// <summary>A browser that has not signed in (it still keeps cookies, like the anti-forgery one).</summary>
    public static SignedInBrowserClient Anonymous(AppFixture app, string? acceptLanguage = null, TestUser? user = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        return new SignedInBrowserClient(client, user);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => Client.GetAsync(new Uri(path, UriKind.Relative));

    public async Task<string> GetPageAsync(string path)
    {
        var response = await GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
        }

        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>
    /// Opens <paramref name="formPage"/>, takes the anti-forgery token from its form, and posts the fields to
    /// <paramref name="action"/> (by default the same address, as a form without an action attribute does).
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var token = TokenIn(await GetPageAsync(formPage));
        using var content = new FormUrlEncodedContent([.. fields, new(TokenField, token)]);
        return await Client.PostAsync(new Uri(action ?? formPage, UriKind.Relative), content);
    }

    /// <summary>As <see cref="PostFormAsync"/>, as multipart/form-data with files (field name, file name, content).</summary>
    public async Task<HttpResponseMessage> PostMultipartAsync(
        string formPage, IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<(string Field, string FileName, byte[] Content)> files, string? action = null)
    {
        var token = TokenIn(await GetPageAsync(formPage));
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Append(new(TokenField, token)))
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (field, fileName, bytes) in files)
        {
            content.Add(new ByteArrayContent(bytes), field, fileName);
        }

        return await Client.PostAsync(new Uri(action ?? formPage, UriKind.Relative), content);
    }

    /// <summary>The anti-forgery token of the first form on a page.</summary>
    public static string TokenIn(string html)
    {
        var match = TokenPattern().Match(html ?? string.Empty);
        return match.Success
            ? WebUtility.HtmlDecode(match.Groups["value"].Value)
            : throw new InvalidOperationException("The page has no anti-forgery token: is there a form with method=\"post\"?");
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"(?<value>[^\"]+)\"")]
    private static partial Regex TokenPattern();
}
