using System.Text.RegularExpressions;
using Followthrough.Services.Applications;
using Followthrough.Tests.Infrastructure;
using Followthrough.Tests.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Followthrough.Tests.Browser;

/// <summary>
/// Citizen ratings (好差评) in a real browser, on a clock the test moves: on 30 November a citizen rates a decided
/// application "very dissatisfied"; the unit verifies, rectifies with a reply and calls back; the citizen reads the
/// reply and rates the fix; on 1 December the supervision office publishes November and anyone sees it on the public page.
/// </summary>
public sealed class RatingsBrowserTests(RatingsBrowserTests.OnMovedClock app) : IClassFixture<RatingsBrowserTests.OnMovedClock>
{
    /// <summary>The browser app on a clock that starts at 10:00 on 30 November 2026 in China and moves when told.</summary>
    public sealed class OnMovedClock : BrowserApp
    {
        public MovedClock Clock { get; } = new(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));

        protected override void Configure(IWebHostBuilder web) => web.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public sealed class MovedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task ACitizenRatesVeryDissatisfied_TheUnitRectifiesAndCallsBack_TheCitizenRatesTheFix_AndTheMonthIsPublished()
    {
        var cast = await ApplicationCast.CreateAsync(app);
        var decided = await app.WithServicesAsync(sp => cast.InStateAsync(sp.GetRequiredService<ServiceApplications>(), ApplicationState.Approved));

        var citizen = await app.NewPageAsync();
        await BrowserApp.SignInAsync(citizen, cast.Applicant.Name);
        await citizen.GotoAsync($"/services/applications/{decided.Id}");
        await citizen.Locator($"a[href='/ratings/applications/{decided.Id}/rate']").First.ClickAsync();
        await citizen.Locator("input[name=Grade][value=VeryDissatisfied]").CheckAsync();
        await citizen.Locator("input[name=Reasons][value=slow]").CheckAsync();
        await citizen.Locator("#comment").FillAsync("等了很久也没有人告诉我进度。Nobody told me where it stood.");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Send my rating" }).ClickAsync();
        await citizen.WaitForLoadStateAsync();
        Assert.Contains("Very dissatisfied", await citizen.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        var unit = await app.NewPageAsync();
        await BrowserApp.SignInAsync(unit, cast.Staff.Name);
        await unit.GotoAsync("/ratings/rectifications");
        await unit.Locator("a[href^='/ratings/rectifications/']").First.ClickAsync();
        await unit.WaitForURLAsync(new Regex("/ratings/rectifications/[0-9]+$"));
        var casePage = unit.Url;
        await unit.Locator("#note").FillAsync("调取了办件记录，确认未及时告知进度。We checked: nobody told the applicant.");
        await unit.GetByRole(AriaRole.Button, new() { Name = "Record the verification" }).ClickAsync();
        await unit.Locator("#reply").WaitForAsync();
        await unit.Locator("#note").FillAsync("办件进度改为每一步自动短信告知。Each step now sends the applicant a message.");
        await unit.Locator("#reply").FillAsync("感谢您的意见，今后每一步都会通知您。Thank you: you will now hear of every step.");
        await unit.GetByRole(AriaRole.Button, new() { Name = "Record the rectification and send the reply" }).ClickAsync();
        await unit.Locator("input[name=Reached][value=true]").CheckAsync();
        await unit.Locator("#note").FillAsync("电话回访，申请人认可。Called back; the applicant accepted it.");
        await unit.GetByRole(AriaRole.Button, new() { Name = "Record the callback" }).ClickAsync();
        await unit.GotoAsync(casePage);
        Assert.Contains("Called back", await unit.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await citizen.GotoAsync($"/ratings/applications/{decided.Id}/rate");
        Assert.Contains("Thank you: you will now hear of every step.", await citizen.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await citizen.Locator("input[name=FixGrade][value=Satisfied]").CheckAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await citizen.WaitForLoadStateAsync();

        app.Clock.Now = new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero); // 09:00 on 1 December in China
        var office = await app.NewPageAsync();
        await BrowserApp.SignInAsync(office, (await app.CreateUserAsync(Role.Supervisor)).UserName);
        await office.GotoAsync($"/ratings/figures?month=2026-11&unit={cast.Item.UnitId}");
        await office.GetByRole(AriaRole.Button, new() { Name = "Publish 2026-11" }).ClickAsync();
        await office.WaitForURLAsync(url => url.Contains("month=2026-11", StringComparison.Ordinal));
        Assert.Contains("2026-11 was published on 2026-12-01", await office.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        var anyone = await app.NewPageAsync();
        await anyone.GotoAsync("/public/ratings?month=2026-11");
        var row = anyone.Locator("tr", new() { HasText = cast.Item.Code });
        var cells = await row.Locator("td").AllInnerTextsAsync();
        Assert.Equal(["1", "0.0% / 0.0% / 0.0% / 0.0% / 100.0%", "0.0%", "1", "1 (1)", "1", "0"], cells);
        Assert.DoesNotContain("Nobody told me where it stood.", await anyone.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }
}
