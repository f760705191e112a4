using System.Text.RegularExpressions;
using Followthrough.Services.Duties;
using Followthrough.Tests.Infrastructure;
using Followthrough.Tests.Services;
using Microsoft.Playwright;

namespace Followthrough.Tests.Browser;

/// <summary>
/// The One-Network Office in a real browser, on the demo: a citizen finds a service, applies, is decided by rules (秒批),
/// downloads the decision and anyone checks its code; an enterprise files a "one thing, one time" bundle and a window
/// officer of one part's unit asks for a supplement, which the enterprise sees on the bundle's one status.
/// </summary>
public sealed class ServicesBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"u8];

    [Fact]
    public async Task ACitizenSearchesAppliesIsDecidedByRules_DownloadsTheDecision_AndAnyoneVerifiesItsCode()
    {
        var citizen = await app.CreateUserAsync(Role.Citizen);
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, citizen.UserName);

        await page.GotoAsync("/services");
        await page.Locator("#q").FillAsync("环境影响登记");
        await page.Locator("#q").PressAsync("Enter");
        await page.GetByRole(AriaRole.Link, new() { Name = "Filing of environmental impact registration forms" }).ClickAsync();
        await page.Locator("a[href$='/apply']").First.ClickAsync();

        await page.Locator("[name='Answers[projectName]']").FillAsync("社区便民仓库");
        await page.Locator("[name='Answers[category]']").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("[name='Answers[inProtectedArea]'][value=no]").CheckAsync();
        await page.Locator("[name='upload-0']").SetInputFilesAsync(new FilePayload { Name = "登记表.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit the application" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/services/applications/[0-9]+$"));

        Assert.Contains("Approved", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        var code = (await page.Locator("dl.facts code").First.InnerTextAsync()).Trim();
        Assert.False(string.IsNullOrEmpty(code));
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the decision document (PDF)" }).ClickAsync());
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.True(pdf.AsSpan().StartsWith("%PDF-"u8), "The decision is a PDF.");
        await page.ReloadAsync();
        Assert.Contains("Delivered", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        var visitor = await app.NewPageAsync(); // a new context: no sign-in
        await visitor.GotoAsync("/services/verify");
        await visitor.Locator("#code").FillAsync(code);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        Assert.Equal("Genuine: this code belongs to a decision document issued here", (await visitor.Locator("#answer").InnerTextAsync()).Trim());
        await visitor.Locator("#code").FillAsync("AAAA-BBBB-CCCC-DDDD-EEEE");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        Assert.Equal("Not found", (await visitor.Locator("#answer").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task AnEnterpriseFilesABundle_AWindowOfficerAsksForASupplement_TheBundleWaitsForTheEnterprise()
    {
        var enterprise = await app.CreateUserAsync(Role.Enterprise);
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, enterprise.UserName);
        await page.GotoAsync("/services/materials");
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "营业执照及场所证明.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("saved=true", StringComparison.Ordinal));

        await page.GotoAsync("/services");
        await page.GetByRole(AriaRole.Link, new() { Name = "Opening a restaurant" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Apply for all of them at once" }).ClickAsync();
        foreach (var input in await page.Locator("input[name^='Answers['][type=text], input[name^='Answers[']:not([type])").AllAsync())
        {
            await input.FillAsync("海风小馆餐饮店");
        }

        foreach (var select in await page.Locator("select[name^='FileIds[']").AllAsync())
        {
            var options = await select.Locator("option").CountAsync();
            await select.SelectOptionAsync(new SelectOptionValue { Index = options - 1 }); // the uploaded file
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit the bundle" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/services/bundle-applications/[0-9]+$"));
        var status = page.Url;
        Assert.Contains("In progress", await page.Locator("#now").InnerTextAsync(), StringComparison.Ordinal);
        var part = page.Locator("table a[href^='/services/applications/']").First;
        var partPath = await part.GetAttributeAsync("href");

        var officer = await app.CreateUserAsync(Role.UnitStaff, ApplicationCast.UnitCode); // 餐饮: the first part is the market regulator's
        await ApplicationCast.GiveDutyAsync(app, officer, ServiceDuty.WindowOfficer);
        var desk = await app.NewPageAsync();
        await BrowserApp.SignInAsync(desk, officer.UserName);
        await desk.GotoAsync(partPath!);
        Assert.Contains("Part of", await desk.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await desk.Locator("#missing").FillAsync("营业场所平面布局图");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Ask for a supplement" }).ClickAsync();
        await desk.WaitForLoadStateAsync();
        Assert.Contains("Supplement requested", await desk.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync(status);
        Assert.Contains("Waiting for you", await page.Locator("#now").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("营业场所平面布局图", await page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
    }
}
