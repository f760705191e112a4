using Followthrough.Accounts;
using Followthrough.Organization;
using Followthrough.Tasks;
using Followthrough.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Followthrough.Evaluation;
using Microsoft.Playwright;

namespace Followthrough.Tests.Browser;

/// <summary>
/// The whole task cycle in a real browser, by keyboard: the office assigns, the unit finds it in its inbox, signs for
/// it, reports and claims completion with evidence, the office verifies, and the bulletin counts it.
/// </summary>
public sealed class TasksBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task WholeCycleByKeyboard_AssignSignForReportClaimVerify_TheBulletinCountsIt()
    {
        var supervisor = await app.CreateUserAsync(Role.Supervisor, "DL-SUP");
        var staff = await app.CreateUserAsync(Role.UnitStaff, "DL-DSIC");
        var title = $"Deliver the first domestic cruise ship {Guid.NewGuid():N}"[..48];
        var draft = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<TaskWriting>().CreateAsync(
            new CurrentUser(supervisor.PersonId, supervisor.UserName, Role.Supervisor, supervisor.UnitId),
            new TaskInput { Title = title, LeadUnitId = await app.UnitIdAsync("DL-DSIC"), DeadlineKind = DeadlineKind.WorkingDays, DeadlineWorkingDays = 40 })).Value!);

        var office = await app.NewPageAsync();
        await BrowserApp.SignInAsync(office, supervisor.UserName);
        await office.GotoAsync($"/tasks/{draft.Id}");
        var comment = office.Locator("#comment-assign");
        await comment.FocusAsync();
        await office.Keyboard.TypeAsync("Deliver on schedule; report monthly");
        await office.Keyboard.PressAsync("Tab");
        Assert.Equal("Assign", await office.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        await office.Keyboard.PressAsync("Enter");
        await office.WaitForURLAsync(url => url.EndsWith("?done=assign", StringComparison.Ordinal));
        Assert.Contains("Done: Assign.", await office.GetByRole(AriaRole.Status).First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Deliver on schedule; report monthly", await office.Locator("#timeline-heading + table").InnerTextAsync(), StringComparison.Ordinal);

        var unit = await app.NewPageAsync();
        await BrowserApp.SignInAsync(unit, staff.UserName);
        await unit.GotoAsync("/tasks/inbox");
        var link = unit.Locator("#sign-heading").Locator("xpath=..").GetByRole(AriaRole.Link, new() { Name = draft.Code });
        await link.FocusAsync();
        await unit.Keyboard.PressAsync("Enter");
        await unit.WaitForURLAsync(url => url.EndsWith($"/tasks/{draft.Id}", StringComparison.Ordinal));
        await unit.GetByRole(AriaRole.Button, new() { Name = "Sign for" }).FocusAsync();
        await unit.Keyboard.PressAsync("Enter");
        await unit.WaitForURLAsync(url => url.EndsWith("?done=sign-for", StringComparison.Ordinal));
        Assert.Contains("Signed for", await unit.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await unit.GetByRole(AriaRole.Heading, new() { Name = "Report progress" }).CountAsync());

        // The unit reports, then claims completion with evidence, by keyboard (the file is chosen as a person would
        // in the file dialog).
        await SendReportAsync(unit, "60", "Sea trials passed", claim: false);
        await unit.WaitForURLAsync(url => url.EndsWith("?done=report-progress", StringComparison.Ordinal));
        await SendReportAsync(unit, "100", "The ship is delivered", claim: true);
        await unit.WaitForURLAsync(url => url.EndsWith("?done=claim-completion", StringComparison.Ordinal));

        // The office verifies by keyboard; the bulletin of the deadline's quarter counts one more task closed on time
        // for the unit.
        var deadline = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<TaskWriting>().LoadAsync(draft.Id))!.Deadline!.Value);
        var quarter = EvaluationPeriod.QuarterOf(deadline).Key;
        var before = await ClosedOnTimeAsync(office, quarter);
        await office.GotoAsync($"/tasks/{draft.Id}");
        await office.Locator("#comment-verify").FocusAsync();
        await office.Keyboard.TypeAsync("Checked at the yard; closed");
        await office.Keyboard.PressAsync("Tab");
        Assert.Equal("Verify and close", await office.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        await office.Keyboard.PressAsync("Enter");
        await office.WaitForURLAsync(url => url.EndsWith("?done=verify", StringComparison.Ordinal));
        Assert.Equal(before + 1, await ClosedOnTimeAsync(office, quarter));
    }

    private static async Task SendReportAsync(IPage page, string percent, string done, bool claim)
    {
        await page.Locator("#percent").FocusAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(percent);
        await page.Locator("#done").FocusAsync();
        await page.Keyboard.TypeAsync(done);
        if (claim)
        {
            await page.Locator("#files").SetInputFilesAsync(new FilePayload { Name = "acceptance.pdf", MimeType = "application/pdf", Buffer = [.. "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8] });
            await page.Locator("input[name='Report.ClaimsCompletion']").FocusAsync();
            await page.Keyboard.PressAsync("Space");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>The unit's "closed on time" figure in the bulletin for the quarter, reached by typing the period.</summary>
    private static async Task<int> ClosedOnTimeAsync(IPage office, string quarter)
    {
        await office.GotoAsync("/evaluation/bulletin");
        await office.Locator("#period").FocusAsync();
        await office.Keyboard.PressAsync("Control+A");
        await office.Keyboard.TypeAsync(quarter);
        await office.Keyboard.PressAsync("Enter");
        await office.WaitForURLAsync(url => url.Contains($"period={quarter}", StringComparison.Ordinal));
        var row = office.Locator("table.bulletin tbody tr").Filter(new() { HasText = "DL-DSIC" });
        if (await row.CountAsync() == 0)
        {
            return 0;
        }

        var cells = await row.Locator("td").AllInnerTextsAsync();
        return int.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture); // rank, tasks due, closed on time
    }
}
