using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Followthrough.Services.Catalogue;
using Followthrough.Storage.Files;
using Followthrough.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Services;

/// <summary>The catalogue as Excel: every bad cell reported and nothing written, or everything written with new versions;
/// export and import round-trip; the same through the API and the command line. Both databases.</summary>
public abstract class CatalogueFileTests(AppFixture app)
{
    private static readonly string[] Items = CatalogueFileLayout.ItemColumns;
    private static readonly string[] Materials = CatalogueFileLayout.MaterialColumns;

    [Fact]
    public async Task Import_WithBadCells_ReportsEachWithSheetRowAndColumn_AndWritesNothing()
    {
        var good = CatalogueSamples.NewCode("GOOD");
        var dup = CatalogueSamples.NewCode("DUP");
        var workbook = Workbook(
            [
                Row(good, "食品经营许可", "Food business licence", "DL-MSA", "AdministrativeLicensing", "Online", "20", "5", "0"),
                Row(dup, "甲", "A", "DL-NOPE", "AdministrativeLicensing", "Online", "twenty", "5", "0"),
                Row(dup, "乙", "B", "DL-MSA", "Licence", "Fast", "20", "30", "1", auto: "maybe"),
            ],
            [
                [good, "营业执照", "Business licence", "Copy", "yes"],
                [good, "申请书", "Application", "Fax", "no"],
                ["NO-SUCH-ITEM", "身份证", "Identity card", "Original", "no"],
            ]);
        var result = await app.WithServicesAsync(sp => sp.GetRequiredService<CatalogueTransfer>().ImportAsync(workbook, "bad.xlsx"));
        Assert.False(result.Succeeded);
        Assert.False(result.Written);
        var found = result.Problems.Select(p => (p.Sheet, p.Row, p.Column)).ToList();
        Assert.Contains(("Items", 3, "unit_code"), found);
        Assert.Contains(("Items", 3, "statutory_days"), found);
        Assert.Contains(("Items", 4, "code"), found);        // the same code as row 3
        Assert.Contains(("Items", 4, "kind"), found);
        Assert.Contains(("Items", 4, "level"), found);
        Assert.Contains(("Items", 4, "committed_days"), found); // longer than the statutory limit
        Assert.Contains(("Items", 4, "auto_decidable"), found);
        Assert.Contains(("Materials", 3, "format"), found);
        Assert.Contains(("Materials", 4, "item_code"), found);
        Assert.DoesNotContain(found, p => p.Row == 2 && p.Sheet == "Items");
        Assert.Equal(1, result.Problems.Count(p => p.Column == "statutory_days")); // said once, not again by the rules
        Assert.Null(await app.WithServicesAsync(sp => sp.GetRequiredService<ServiceCatalogue>().GetByCodeAsync(good)));
    }

    [Fact]
    public async Task Import_NewThenChanged_MakesVersions_AndAnExportImportsBackUnchanged()
    {
        var a = CatalogueSamples.NewCode("IMP");
        var b = CatalogueSamples.NewCode("IMP");
        byte[] File(string nameEn) => Workbook(
            [
                Row(a, "企业投资项目备案", nameEn, "DL-DRC", "Filing", "Online", "3", "0", "0", auto: "yes", events: "开办企业;投资建设"),
                Row(b, "建筑工程施工许可", "Construction permit", "DL-NRB", "AdministrativeLicensing", "AtMostOnce", "15", "5", "1", fee: "0"),
            ],
            [[a, "项目备案信息表", "Project filing form", "Form", "no"]]);

        var transfer = (IServiceProvider sp) => sp.GetRequiredService<CatalogueTransfer>();
        var first = await app.WithServicesAsync(sp => transfer(sp).ImportAsync(File("Enterprise investment project filing"), "catalogue.xlsx"));
        Assert.Equal((2, 0, 0, true), (first.Created, first.Updated, first.Unchanged, first.Written));

        var again = await app.WithServicesAsync(sp => transfer(sp).ImportAsync(File("Enterprise investment project filing"), "catalogue.xlsx"));
        Assert.Equal((0, 0, 2, false), (again.Created, again.Updated, again.Unchanged, again.Written));

        var dry = await app.WithServicesAsync(sp => transfer(sp).ImportAsync(File("Investment project filing"), "catalogue.xlsx", dryRun: true));
        Assert.Equal((0, 1, 1, false), (dry.Created, dry.Updated, dry.Unchanged, dry.Written));

        var changed = await app.WithServicesAsync(sp => transfer(sp).ImportAsync(File("Investment project filing"), "catalogue.xlsx"));
        Assert.Equal((0, 1, 1, true), (changed.Created, changed.Updated, changed.Unchanged, changed.Written));

        var item = await app.WithServicesAsync(async sp =>
        {
            var catalogue = sp.GetRequiredService<ServiceCatalogue>();
            var entry = (await catalogue.GetByCodeAsync(a))!;
            return (entry, await catalogue.VersionsAsync(entry.Id));
        });
        Assert.Equal(("Investment project filing", 2, true), (item.entry.NameEn, item.entry.Version, item.entry.AutoDecidable));
        Assert.Equal(["开办企业", "投资建设"], item.entry.LifeEvents);
        Assert.Equal(["imported", "imported"], item.Item2.Select(v => v.Change));
        Assert.Equal("Project filing form", Assert.Single(item.entry.Materials).NameEn);

        var exported = await app.WithServicesAsync(async sp =>
        {
            using var buffer = new MemoryStream();
            await transfer(sp).ExportAsync(buffer);
            return buffer.ToArray();
        });
        var back = await app.WithServicesAsync(sp => transfer(sp).ImportAsync(exported, "service-catalogue.xlsx"));
        Assert.True(back.Succeeded, string.Join('\n', back.Problems));
        Assert.Equal((0, 0, false), (back.Created, back.Updated, back.Written));
    }

    [Fact]
    public async Task AnExportImportedBack_KeepsWhatTheFileHasNoColumnFor_容缺受理()
    {
        var unit = await app.UnitIdAsync("DL-MSA");
        var created = await app.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<ServiceCatalogue>().CreateAsync(CatalogueSamples.Item(unit) with { AcceptsOnPromise = true })).Value!);
        Assert.True(created.AcceptsOnPromise);

        var exported = await app.WithServicesAsync(async sp =>
        {
            using var buffer = new MemoryStream();
            await sp.GetRequiredService<CatalogueTransfer>().ExportAsync(buffer);
            return buffer.ToArray();
        });
        var back = await app.WithServicesAsync(sp => sp.GetRequiredService<CatalogueTransfer>().ImportAsync(exported, "service-catalogue.xlsx"));
        Assert.True(back.Succeeded, string.Join('\n', back.Problems));
        Assert.Equal((0, false), (back.Updated, back.Written));
        var after = await app.WithServicesAsync(sp => sp.GetRequiredService<ServiceCatalogue>().GetAsync(created.Id));
        Assert.Equal((true, created.Version), (after!.AcceptsOnPromise, after.Version));
    }

    [Fact]
    public async Task Api_Import_AnswersEveryProblem_CommandLine_ListsImportsAndExports()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor);
        var bad = Workbook([Row(CatalogueSamples.NewCode(), "甲", "A", "DL-MSA", "Filing", "Online", "0", "0", "0")], []);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bad), "file", "bad.xlsx" } };
        var response = await supervisor.PostAsync("/api/v1/services/items/import", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("statutory_days", problem.GetProperty("problems")[0].GetProperty("column").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("Items[2].statutory_days", out _));

        var staff = await app.ApiClientAsync(Role.UnitStaff, "DL-DRC");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/services/items/export")).StatusCode);
        var export = await supervisor.GetAsync("/api/v1/services/items/export");
        Assert.Equal(SpreadsheetWriter.XlsxContentType, export.Content.Headers.ContentType?.MediaType);

        var folder = Directory.CreateTempSubdirectory("ft-services-cli-").FullName;
        try
        {
            var code = CatalogueSamples.NewCode("CLI");
            var good = Path.Combine(folder, "good.xlsx");
            await System.IO.File.WriteAllBytesAsync(good, Workbook([Row(code, "船舶国籍证书核发", "Ship nationality certificate", "DL-MSA", "AdministrativeConfirmation", "OnThePalm", "10", "2", "0")], []));
            var imported = await CliRun.RunAsync(app.Database.ConnectionString, "services", "import", good);
            Assert.True(imported.ExitCode == 0, imported.All);
            Assert.Contains("1 new", imported.Output, StringComparison.Ordinal);

            var badFile = Path.Combine(folder, "bad.xlsx");
            await System.IO.File.WriteAllBytesAsync(badFile, bad);
            var refused = await CliRun.RunAsync(app.Database.ConnectionString, "services", "import", badFile);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("Items row 2, column statutory_days", refused.Error, StringComparison.Ordinal);

            var listed = await CliRun.RunAsync(app.Database.ConnectionString, "services", "list", "--search", "国籍证", "--json");
            Assert.Equal(0, listed.ExitCode);
            Assert.Contains(code, listed.Output, StringComparison.Ordinal);
            Assert.Contains("船舶国籍证书核发", listed.Output, StringComparison.Ordinal);
            var text = await CliRun.RunAsync(app.Database.ConnectionString, "services", "list", "--search", "ship nationality", "--level", "OnThePalm");
            Assert.Contains(code, text.Output, StringComparison.Ordinal);
            Assert.Equal(2, (await CliRun.RunAsync(app.Database.ConnectionString, "services", "list", "--level", "Fast")).ExitCode);

            var target = Path.Combine(folder, "out.xlsx");
            var exported = await CliRun.RunAsync(app.Database.ConnectionString, "services", "export", target);
            Assert.True(exported.ExitCode == 0, exported.All);
            Assert.True(new FileInfo(target).Length > 0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string[] Row(
        string code, string nameZh, string nameEn, string unit, string kind, string level, string statutory, string committed, string visits,
        string fee = "0", string auto = "no", string events = "", string legal = "", string withdrawn = "no") =>
        [code, nameZh, nameEn, unit, kind, level, statutory, committed, visits, fee, auto, events, legal, withdrawn];

    private static byte[] Workbook(IEnumerable<string[]> items, IEnumerable<string[]> materials)
    {
        static List<TableRow> Rows(string[] header, IEnumerable<string[]> rows) =>
            [new TableRow(1, header), .. rows.Select((r, i) => new TableRow(i + 2, r))];
        return SpreadsheetWriter.Xlsx(
            [new TableSheet(CatalogueFileLayout.ItemsSheet, Rows(Items, items)), new TableSheet(CatalogueFileLayout.MaterialsSheet, Rows(Materials, materials))]);
    }
}

public sealed class CatalogueFileOnSqlite(SqliteApp app) : CatalogueFileTests(app), IClassFixture<SqliteApp>;

public sealed class CatalogueFileOnPostgreSql(PostgreSqlApp app) : CatalogueFileTests(app), IClassFixture<PostgreSqlApp>;
