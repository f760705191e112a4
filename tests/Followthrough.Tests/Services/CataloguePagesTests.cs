using System.Net;
using Followthrough.Services.Catalogue;
using Followthrough.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Followthrough.Tests.Services.CatalogueSamples;

namespace Followthrough.Tests.Services;

/// <summary>The public catalogue for anonymous visitors in both languages, and the upkeep pages for maintainers only.</summary>
public abstract class CataloguePagesTests(AppFixture app)
{
    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    private Task<ServiceItemEntry> NewItemAsync(string nameZh, string nameEn, string level = "Online", int visits = 0) =>
        app.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<ServiceCatalogue>().CreateAsync(Item(await app.UnitIdAsync("DL-MSA"), nameZh: nameZh, nameEn: nameEn, level: level, visits: visits))).Value!);

    [Fact]
    public async Task Anonymous_SearchesTheCatalogue_AndReadsAnItem_InEnglishAndChinese()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var item = await NewItemAsync($"游艇停泊许可{tag}", $"Yacht berthing permit {tag}", level: "AtMostOnce", visits: 1);
        var visitor = SignedInBrowserClient.Anonymous(app);

        var found = await visitor.GetPageAsync($"/services?q={Uri.EscapeDataString("游艇停泊")}&level=AtMostOnce");
        Assert.Contains($"href=\"/services/items/{item.Id}\"", found, StringComparison.Ordinal);
        Assert.Contains("At most once", found, StringComparison.Ordinal);
        var none = await visitor.GetPageAsync($"/services?q={Uri.EscapeDataString("游艇停泊")}&level=Online");
        Assert.DoesNotContain($"href=\"/services/items/{item.Id}\"", none, StringComparison.Ordinal);

        var page = await visitor.GetPageAsync($"/services/items/{item.Id}");
        Assert.Contains($"Yacht berthing permit {tag}", page, StringComparison.Ordinal);
        Assert.Contains("Business licence", page, StringComparison.Ordinal);   // a material
        Assert.Contains("5 working days", page, StringComparison.Ordinal);     // the committed limit
        Assert.DoesNotContain("/services/manage/items/", page, StringComparison.Ordinal);

        var chinese = SignedInBrowserClient.Anonymous(app, acceptLanguage: "zh-CN");
        var zh = await chinese.GetPageAsync($"/services/items/{item.Id}");
        Assert.Contains("最多跑一次", zh, StringComparison.Ordinal);
        Assert.Contains("申请材料", zh, StringComparison.Ordinal);
        Assert.Contains("营业执照", zh, StringComparison.Ordinal);
        Assert.Contains("一次办", await chinese.GetPageAsync("/services"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/services/items/987654")).StatusCode);
    }

    [Fact]
    public async Task UpkeepPages_AreForMaintainersOnly()
    {
        var anonymous = SignedInBrowserClient.Anonymous(app);
        var redirected = await anonymous.GetAsync("/services/manage");
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.Contains("/sign-in", redirected.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var staff = await SignedInBrowserClient.CreateAsync(app, Role.UnitStaff, "DL-DRC");
        Assert.NotEqual(HttpStatusCode.OK, (await staff.GetAsync("/services/manage")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await staff.GetAsync("/services/manage/items")).StatusCode);

        var supervisor = await SignedInBrowserClient.CreateAsync(app, Role.Supervisor, "DL-SUP");
        var manage = await supervisor.GetPageAsync("/services/manage");
        Assert.Contains("enctype=\"multipart/form-data\"", manage, StringComparison.Ordinal);
        Assert.Contains("name=\"Code\"", await supervisor.GetPageAsync("/services/manage/items"), StringComparison.Ordinal);

        var chinese = await SignedInBrowserClient.CreateAsync(app, Role.Administrator, "DL-GO", acceptLanguage: "zh-CN");
        var token = SignedInBrowserClient.TokenIn(await chinese.GetPageAsync("/services/manage"));
        var workbook = Followthrough.Storage.Files.SpreadsheetWriter.Xlsx(
        [
            new(CatalogueFileLayout.ItemsSheet,
            [
                new(1, CatalogueFileLayout.ItemColumns),
                new(2, [NewCode(), "甲", "A", "DL-MSA", "Filing", "Online", "5", "9", "0", "0", "no", "", "", "no"]),
            ]),
        ]);
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(workbook), "Workbook", "bad.xlsx" },
            { new StringContent(token), SignedInBrowserClient.TokenField },
        };
        var answer = await chinese.Client.PostAsync(new Uri("/services/manage?handler=Import", UriKind.Relative), form);
        var page = await answer.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("committed_days", page, StringComparison.Ordinal);
        Assert.Contains("承诺时限须为 0（即办）至法定时限之间。", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Supervisor_AddsEditsAndWithdraws_ThroughTheForms_WithFieldErrorsKeptOnTheForm()
    {
        var supervisor = await SignedInBrowserClient.CreateAsync(app, Role.Supervisor, "DL-SUP");
        var unit = (await app.UnitIdAsync("DL-MSA")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var code = NewCode("FORM");
        List<KeyValuePair<string, string>> Fields(string nameEn, string statutory, string version = "0") =>
        [
            F("Code", code), F("NameZh", "烟草专卖零售许可"), F("NameEn", nameEn), F("UnitId", unit), F("Kind", "AdministrativeLicensing"),
            F("Level", "AtMostOnce"), F("StatutoryDays", statutory), F("CommittedDays", "5"), F("Visits", "1"), F("Fee", "0"),
            F("Materials", "申请表 | Application form | Form | no\n营业执照 | Business licence | Copy | yes"), F("LifeEvents", "开办企业; 便利店"),
            F("LegalBasis", "《烟草专卖法》"), F("AutoDecidable", "false"), F("Version", version),
        ];

        var bad = await supervisor.PostFormAsync("/services/manage/items", Fields("Tobacco retail licence", "2"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("id=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("committedDays-error", html, StringComparison.Ordinal);
        Assert.Contains("Tobacco retail licence", html, StringComparison.Ordinal); // the input is kept

        var saved = await supervisor.PostFormAsync("/services/manage/items", Fields("Tobacco retail licence", "20"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var item = (await app.WithServicesAsync(sp => sp.GetRequiredService<ServiceCatalogue>().GetByCodeAsync(code)))!;
        Assert.Equal((2, true), (item.Materials.Count, item.Materials[1].ElectronicLicence));
        Assert.Equal(["开办企业", "便利店"], item.LifeEvents);

        var edited = await supervisor.PostFormAsync($"/services/manage/items/{item.Id}", Fields("Tobacco monopoly retail licence", "20", version: "1"));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var editPage = await supervisor.GetPageAsync($"/services/manage/items/{item.Id}");
        Assert.Contains("id=\"history-heading\"", editPage, StringComparison.Ordinal);
        Assert.Contains(supervisor.User!.UserName, editPage, StringComparison.Ordinal); // who made the change
        var stale = await supervisor.PostFormAsync($"/services/manage/items/{item.Id}", Fields("Lost update", "20", version: "1"));
        Assert.Contains("Someone changed this service", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var withdrawn = await supervisor.PostFormAsync(
            $"/services/manage/items/{item.Id}", [F("Version", "2"), F("Reason", "Handled by the province now")], $"/services/manage/items/{item.Id}?handler=Withdraw");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var after = (await app.WithServicesAsync(sp => sp.GetRequiredService<ServiceCatalogue>().GetAsync(item.Id)))!;
        Assert.Equal((true, 3, "Tobacco monopoly retail licence"), (after.Withdrawn, after.Version, after.NameEn));
        Assert.Contains("no longer accepts applications", await SignedInBrowserClient.Anonymous(app).GetPageAsync($"/services/items/{item.Id}"), StringComparison.Ordinal);
    }
}

public sealed class CataloguePagesOnSqlite(SqliteApp app) : CataloguePagesTests(app), IClassFixture<SqliteApp>;

public sealed class CataloguePagesOnPostgreSql(PostgreSqlApp app) : CataloguePagesTests(app), IClassFixture<PostgreSqlApp>;
