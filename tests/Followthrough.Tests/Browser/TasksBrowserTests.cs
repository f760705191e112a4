using Followthrough.Accounts;
using Followthrough.Organization;
using Followthrough.Tasks;
using Followthrough.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Followthrough.Tests.Browser;

/// <summary>The task cycle in a real browser, by keyboard: the office assigns, the unit finds it in its inbox and signs for it.</summary>
public sealed class TasksBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task OfficeAssignsByKeyboard_UnitFindsItInTheInbox_AndSignsFor()
    {
        var supervisor = await app.CreateUserAsync(Role.Supervisor, "DL-SUP");
        var staff = await app.CreateUserAsync(Role.UnitStaff, "DL-DSIC");
        var title = $"Deliver the first domestic cruise ship {Guid.NewGuid():N}"[..48];
        var draft = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<TaskService>().CreateAsync(
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
    }
}
