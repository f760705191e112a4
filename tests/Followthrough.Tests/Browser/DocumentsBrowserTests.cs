using System.Globalization;
using Followthrough.Accounts;
using Followthrough.Organization;
using Followthrough.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Followthrough.Tests.Browser;

/// <summary>From words to a task in a real browser, by keyboard: paste a meeting record, accept its directive, create the task.</summary>
public sealed class DocumentsBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task SupervisorPastesRecordByKeyboard_AcceptsDirective_TaskPageShowsTheSourceSentence()
    {
        var supervisor = await app.CreateUserAsync(Role.Supervisor, "DL-SUP");
        var title = $"Port coordination meeting {Guid.NewGuid():N}"[..40];
        const string Directive = "The port operators must publish the new sea-rail timetable within 20 working days.";
        var record = "The weekly port coordination meeting was held on Monday. It heard how the first sea-rail trains had run. " + Directive;

        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, supervisor.UserName);
        await page.GotoAsync("/documents/new");
        await page.Locator("#kind").FocusAsync(); // the first kind, a meeting record, is already chosen
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(title);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("date", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        // A date field takes its digits in the browser's order (month, day, year for en-US); the value is checked below.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await page.Keyboard.TypeAsync(today.ToString("MMddyyyy", CultureInfo.InvariantCulture));
        Assert.Equal(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), await page.Locator("#date").InputValueAsync());
        await page.Locator("#text").FocusAsync();
        await page.Keyboard.TypeAsync(record);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find the directives" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/documents/[0-9]+$"));
        Assert.Equal(title, await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());

        // The candidate of the directive sentence: accept it and, if the engine named no unit, give it the first one.
        var candidate = page.Locator("article.candidate").Filter(new() { HasText = "sea-rail timetable" });
        var radio = candidate.GetByRole(AriaRole.Radio, new() { Name = "Accepted" });
        await radio.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        Assert.True(await radio.IsCheckedAsync());
        var lead = candidate.Locator("select[name=LeadUnitId]");
        if (string.IsNullOrEmpty(await lead.InputValueAsync()))
        {
            await lead.FocusAsync();
            await page.Keyboard.PressAsync("ArrowDown");
            Assert.False(string.IsNullOrEmpty(await lead.InputValueAsync()));
        }

        await candidate.GetByRole(AriaRole.Button, new() { Name = "Save directive" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("done=", StringComparison.Ordinal));
        Assert.Contains("Accepted", await candidate.Locator("h3").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Create tasks from the accepted directives" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("done=tasks", StringComparison.Ordinal));
        var taskLink = candidate.Locator("a[href^='/tasks/']");
        await taskLink.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/tasks/[0-9]+$"));
        Assert.Equal(Directive, (await page.Locator(".source-sentence").InnerTextAsync()).Trim());
        Assert.Equal(title, await page.Locator(".source-sentence + a").InnerTextAsync());
    }
}
