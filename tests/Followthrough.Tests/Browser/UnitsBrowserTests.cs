using Followthrough.Organization;
using Followthrough.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Followthrough.Tests.Browser;

public sealed class UnitsBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Administrator_InChinese_CreatesAUnit_FindsItInTheList_AndSeesItsHistory()
    {
        var admin = await app.CreateUserAsync(Role.Administrator, "DL-GO");
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, admin.UserName);

        await page.Locator("#ui-language").SelectOptionAsync("zh-Hans");
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch" }).ClickAsync();
        await page.Locator("html[lang='zh-Hans']").WaitForAsync(new() { State = WaitForSelectorState.Attached }); // the new page, not the old one
        Assert.Equal("zh-Hans", await page.Locator("html").GetAttributeAsync("lang"));

        await page.GotoAsync("/units/new");
        Assert.Equal("新增单位", (await page.Locator("h1").InnerTextAsync()).Trim());
        await page.GetByLabel("代码").FillAsync("DL-WATER");
        await page.GetByLabel("中文名称").FillAsync("大连市水务局");
        await page.GetByLabel("英文名称").FillAsync("Dalian Municipal Water Affairs Bureau");
        await page.Locator("#kind").SelectOptionAsync("Bureau");
        await page.Locator("#parentId").SelectOptionAsync(new SelectOptionValue { Label = "DL-GOV · 大连市人民政府" });
        await page.Locator("#aliases").FillAsync("市水务局\nWater Affairs Bureau");
        await page.Locator("#aliases").FocusAsync();
        await page.Keyboard.PressAsync("Tab"); // leave the textarea by keyboard and submit with Enter on the button
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/units/[0-9]+(\\?.*)?$"));

        Assert.Contains("大连市水务局", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        var history = page.Locator("section.history");
        Assert.Contains("新建", await history.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(admin.UserName, await history.InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync("/units?q=" + Uri.EscapeDataString("市水务局"));
        var row = page.Locator("table tbody tr", new() { HasText = "DL-WATER" });
        Assert.Equal(1, await row.CountAsync());
        Assert.Contains("大连市水务局", await row.InnerTextAsync(), StringComparison.Ordinal);
    }
}
