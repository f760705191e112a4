using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Followthrough.Tests.Infrastructure;

/// <summary>
/// Browser-like clients: cookies kept, redirects not followed, forms posted with the anti-forgery token read from
/// the page, exactly as a person's browser would. <see cref="SignInAsync"/> signs in through the real /sign-in form.
/// </summary>
public static partial class SignedInClient
{
    /// <summary>A client signed in as the user through the sign-in form (password <see cref="AppFixture.Password"/>).</summary>
    public static async Task<HttpClient> SignInAsync(this AppFixture app, TestUser user)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(user);
        var client = app.BrowserClient();
        var response = await client.PostFormAsync("/sign-in", new() { ["UserName"] = user.UserName, ["Password"] = AppFixture.Password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"signing in as {user.UserName} answered {(int)response.StatusCode}");
        return client;
    }

    /// <summary>A client with a cookie jar that does not follow redirects, so tests see each answer.</summary>
    public static HttpClient BrowserClient(this AppFixture app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    /// <summary>Opens the page with the form (<paramref name="formPage"/>), then posts the fields with its anti-forgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string formPage, Dictionary<string, string> fields, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var page = await client.GetAsync(formPage);
        Assert.True(page.IsSuccessStatusCode, $"GET {formPage} answered {(int)page.StatusCode}");
        fields["__RequestVerificationToken"] = AntiforgeryToken(await page.Content.ReadAsStringAsync());
        return await client.PostAsync(action ?? formPage, new FormUrlEncodedContent(fields));
    }

    /// <summary>The anti-forgery token of the first form on the page.</summary>
    public static string AntiforgeryToken(string html)
    {
        var match = TokenField().Match(html ?? string.Empty);
        Assert.True(match.Success, "the page has no form with an anti-forgery token");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("""name="__RequestVerificationToken"[^>]*value="([^"]+)""")]
    private static partial Regex TokenField();
}
