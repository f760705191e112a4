using Followthrough.Organization;
using Followthrough.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Followthrough.Tests.Plans;

/// <summary>A person at a real browser reading the Dalian plan: the tree opens by mouse and keyboard, the chart is drawn from the table.</summary>
public sealed class PlansBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    // Waiting for the "load" event after a redirect is unreliable with Debian's Chromium under Playwright (it sometimes
    // never reports it, although the page is there), so these tests wait for the new URL to be committed and then for
    // what they need on the page, which Playwright's locators wait for anyway.
    private static readonly PageWaitForURLOptions Committed = new() { WaitUntil = WaitUntilState.Commit };

    private static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/sign-in");
        await page.Locator("#UserName").FillAsync(userName);
        await page.Locator("#Password").FillAsync(AppFixture.Password);
        await page.Locator("#Password").PressAsync("Enter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();
    }

    [Fact]
    public async Task DalianPlan_ExpandAChapter_ThenTheIndicatorShowsItsChartAndTable()
    {
        var user = await app.CreateUserAsync(Role.UnitStaff, "DL-EEB");
        var page = await app.NewPageAsync();
        await SignInAsync(page, user.UserName);

        await page.GotoAsync("/plans");
        await page.GetByRole(AriaRole.Link, new() { Name = "Dalian: Outline of the 14th Five-Year Plan" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/plans/", StringComparison.Ordinal), Committed);

        // Chapters start closed; the green chapter opens with a click, its air-quality section with the keyboard.
        var chapter = page.Locator("details", new() { Has = page.Locator("summary", new() { HasText = "Pursue green, low-carbon development" }) }).First;
        Assert.Null(await chapter.GetAttributeAsync("open"));
        var airIndicator = page.GetByRole(AriaRole.Link, new() { Name = "Days of good air quality" });
        Assert.False(await airIndicator.IsVisibleAsync());
        await chapter.Locator("> summary .item-number").ClickAsync();
        Assert.NotNull(await chapter.GetAttributeAsync("open"));

        var section = chapter.Locator("details", new() { Has = page.Locator("summary", new() { HasText = "Keep improving air quality" }) }).First;
        await section.Locator("> summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.NotNull(await section.GetAttributeAsync("open"));
        Assert.True(await airIndicator.IsVisibleAsync());

        await airIndicator.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/plans/indicators/", StringComparison.Ordinal), Committed);
        Assert.Equal("Days of good air quality", (await page.Locator("h1").InnerTextAsync()).Trim());

        // The chart is an enhancement hidden from screen readers, drawn (as SVG) from the table, which holds the figures.
        var chart = page.Locator("#indicator-chart");
        await page.Locator("#indicator-chart[data-drawn='true'] svg").First.WaitForAsync();
        Assert.Equal("true", await chart.GetAttributeAsync("aria-hidden"));
        var row2025 = page.Locator("#indicator-data tbody tr", new() { Has = page.Locator("th", new() { HasText = "2025" }) });
        var cells = await row2025.Locator("td").AllInnerTextsAsync();
        Assert.Equal("296", cells[0].Trim());
        Assert.Equal("310", cells[1].Trim());
        Assert.Equal("At risk", cells[3].Trim());
        Assert.Equal(6, await page.Locator("#indicator-data tbody tr").CountAsync()); // the 2020 baseline, then 2021–2025
        Assert.Contains("At risk", await page.Locator(".status-line").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportingUnit_RecordsAValueThroughTheForm_AndCorrectsIt()
    {
        var user = await app.CreateUserAsync(Role.UnitStaff, "DL-EEB");
        var page = await app.NewPageAsync();
        await SignInAsync(page, user.UserName);
        await page.GotoAsync("/plans");
        await page.GetByRole(AriaRole.Link, new() { Name = "Dalian: Outline of the 14th Five-Year Plan" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/plans/", StringComparison.Ordinal), Committed);
        await page.GotoAsync(page.Url + "?unit=DL-EEB");
        await page.GetByRole(AriaRole.Link, new() { Name = "Share of coastal waters of good quality" }).ClickAsync();
        var indicatorUrl = page.Url;

        // Every period of the demo indicator is reported, so the correction form is the way to change a figure.
        await page.GetByRole(AriaRole.Link, new() { Name = "Correct 2025" }).ClickAsync();
        await page.GetByLabel("Corrected value (%)").FillAsync("97,4%");
        await page.GetByLabel("Reason for the correction").FillAsync("Checked against the monitoring bulletin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the correction" }).ClickAsync();
        var alert = page.GetByRole(AriaRole.Alert);
        await alert.WaitForAsync();
        Assert.Contains("Enter a number", await alert.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await page.GetByLabel("Corrected value (%)").GetAttributeAsync("aria-invalid"));
        Assert.Equal("Checked against the monitoring bulletin", await page.GetByLabel("Reason for the correction").InputValueAsync());

        await page.GetByLabel("Corrected value (%)").FillAsync("97.4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the correction" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(indicatorUrl, StringComparison.Ordinal), Committed);
        var values = await page.Locator("table[aria-labelledby='values-heading'] tbody").InnerTextAsync();
        Assert.Contains("Corrected from 97.2", values, StringComparison.Ordinal);
        Assert.Contains("Superseded by a correction", values, StringComparison.Ordinal);
    }
}
