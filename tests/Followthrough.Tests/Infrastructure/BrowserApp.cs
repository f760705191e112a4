using Followthrough.Storage;
using Microsoft.Playwright;

namespace Followthrough.Tests.Infrastructure;

/// <summary>
/// The real app on Kestrel (SQLite, demo loaded) and a real headless Chromium (Debian's /usr/bin/chromium, driven
/// by Playwright). Each test opens its own browser context, so cookies and language never leak between tests.
/// </summary>
public class BrowserApp : AppFixture
{
    private IPlaywright? _playwright;

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override bool OnKestrel => true;

    public IBrowser Browser { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("FOLLOWTHROUGH_TEST_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // As in any sandboxed CI: no setuid sandbox as root, no GPU, and no calls home on a closed network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>A fresh page in its own context, with the browser's language set (it decides the default UI language).</summary>
    public async Task<IPage> NewPageAsync(string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = locale });
        context.SetDefaultTimeout(30_000); // generous: CI machines are small and busy
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the real form.</summary>
    public static async Task SignInAsync(IPage page, string userName, string password = Password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/sign-in");
        await page.Locator("#UserName").FillAsync(userName);
        await page.Locator("#Password").FillAsync(password);
        await page.Locator("#Password").PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
    }
}
