using Followthrough.Organization;
using Followthrough.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Followthrough.Tests.Browser;

/// <summary>A person at a real browser: signing in, switching language, getting around by keyboard.</summary>
public sealed class ShellBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task SignIn_ThenSwitchToChinese_ShowsChineseNavigationAndKeepsTheChoice()
    {
        var user = await app.CreateUserAsync(Role.Administrator, "DL-GO");
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, user.UserName);
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).IsVisibleAsync());

        await page.Locator("#ui-language").SelectOptionAsync("zh-Hans");
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch" }).ClickAsync();
        await page.Locator("html[lang='zh-Hans']").WaitForAsync(new() { State = WaitForSelectorState.Attached }); // the new page, not the old one

        Assert.Equal("zh-Hans", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).IsVisibleAsync());
        await page.GotoAsync("/calendar");
        Assert.Equal("zh-Hans", await page.Locator("html").GetAttributeAsync("lang"));
    }

    [Fact]
    public async Task WrongPassword_ShowsAnAlert_AndStaysOnSignIn()
    {
        var user = await app.CreateUserAsync(Role.Supervisor, "DL-SUP");
        var page = await app.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.Locator("#UserName").FillAsync(user.UserName);
        await page.Locator("#Password").FillAsync("not-the-password");
        await page.Locator("#Password").PressAsync("Enter");
        var alert = page.GetByRole(AriaRole.Alert);
        await alert.WaitForAsync();
        Assert.Contains("wrong", await alert.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("/sign-in", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrowserInChinese_GetsChinesePages_AndSkipLinkIsTheFirstTabStop()
    {
        var page = await app.NewPageAsync("zh-CN");
        await page.GotoAsync("/");
        Assert.Equal("zh-Hans", await page.Locator("html").GetAttributeAsync("lang"));
        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()");
        Assert.Equal("跳到主要内容", focused);
    }
}
