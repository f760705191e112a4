using System.Net.Http.Json;
using System.Text.Json;
using Followthrough.Cli;
using Followthrough.Organization;
using Followthrough.Plans;
using Followthrough.Plans.Files;
using Followthrough.Tests.Infrastructure;
using Followthrough.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Plans;

/// <summary>
/// A plan exported from the app, imported with the command line into a fresh database and exported again gives the
/// same file, in CSV and in Excel; and the command line reports statuses.
/// </summary>
public abstract class PlanRoundTripTests(AppFixture app)
{
    private static async Task<(int Code, string Output, string Error)> CliAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await FollowthroughCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task ExportImportExport_IntoAFreshDatabase_GivesTheSameFile(string format)
    {
        // A plan made in the app, with a correction, so the file carries current figures only.
        var file = new TestPlanFile("RT-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant());
        var imported = await app.WithServicesAsync(sp => sp.GetRequiredService<PlanImporter>().ImportAsync(file.Csv(), "plan.csv", new ImportOptions()));
        Assert.True(imported.Succeeded, string.Join("\n", imported.Problems));
        file.Values[0]["value"] = "3.01";
        Assert.True((await app.WithServicesAsync(sp => sp.GetRequiredService<PlanImporter>().ImportAsync(file.Csv(), "plan.csv", new ImportOptions()))).Succeeded);

        var client = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var plan = (await client.GetFromJsonAsync<Paged<PlanDto>>($"/api/v1/plans?code={file.Code}"))!.Items.Single();
        var first = await client.GetByteArrayAsync($"/api/v1/plans/{plan.Id}/export?format={format}");

        await using var fresh = await TestDatabase.CreateAsync(app.Provider);
        var path = Path.Combine(fresh.Folder, "plan." + format);
        await File.WriteAllBytesAsync(path, first);
        var again = Path.Combine(fresh.Folder, "again." + format);
        var database = fresh.ConnectionString;
        Assert.Equal(0, (await CliAsync("--database", database, "demo", "load")).Code);
        var import = await CliAsync("--database", database, "plans", "import", path);
        Assert.True(import.Code == 0, import.Error);
        Assert.Contains("imported", import.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await CliAsync("--database", database, "plans", "export", file.Code, "--format", format, "--output", again)).Code);
        var second = await File.ReadAllBytesAsync(again);

        if (format == "csv")
        {
            Assert.Equal(System.Text.Encoding.UTF8.GetString(first), System.Text.Encoding.UTF8.GetString(second));
        }
        else
        {
            Assert.Equal(Cells(first), Cells(second));
            Assert.Contains("3.01", Cells(second), StringComparison.Ordinal);
        }

        var reimport = await CliAsync("--database", database, "plans", "import", again);
        Assert.Contains("unchanged", reimport.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IndicatorsStatus_AsJson_ListsEveryDemoIndicatorWithItsStatus()
    {
        await using var fresh = await TestDatabase.CreateAsync(app.Provider);
        Assert.Equal(0, (await CliAsync("--database", fresh.ConnectionString, "demo", "load")).Code);

        var (code, output, error) = await CliAsync("--database", fresh.ConnectionString, "indicators", "status", "dl-14fyp", "--json");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("DL-14FYP", json.RootElement.GetProperty("plan").GetProperty("code").GetString());
        var statuses = json.RootElement.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("status").GetProperty("status").GetString()).ToList();
        Assert.True(statuses.Count >= 12);
        Assert.Equal(["AtRisk", "NoData", "OffTrack", "OnTrack"], statuses.Distinct().Order(StringComparer.Ordinal));
        var missing = await CliAsync("--database", fresh.ConnectionString, "indicators", "status", "NO-SUCH-PLAN");
        Assert.Equal(FollowthroughCli.BadInput, missing.Code);
    }

    [Fact]
    public async Task PlansImport_InvalidFile_ListsEveryProblem_AndExitsWithBadInput()
    {
        await using var fresh = await TestDatabase.CreateAsync(app.Provider);
        var file = new TestPlanFile("BAD-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant());
        file.Items[0]["lead_unit"] = "NOWHERE";
        file.Values[0]["value"] = "n/a";
        var path = Path.Combine(fresh.Folder, "bad.csv");
        await File.WriteAllBytesAsync(path, file.Csv());

        var (code, _, error) = await CliAsync("--database", fresh.ConnectionString, "plans", "import", path);

        Assert.Equal(FollowthroughCli.BadInput, code);
        Assert.Contains("'NOWHERE' is not a known unit", error, StringComparison.Ordinal);
        Assert.Contains("'n/a' is not a number", error, StringComparison.Ordinal);
    }

    /// <summary>Every sheet's cells as text, in order, for comparing workbooks whose zip wrappers differ.</summary>
    private static string Cells(byte[] workbook)
    {
        var tables = XlsxSheets.Read(new MemoryStream(workbook), out var problem);
        Assert.Null(problem);
        return string.Join("\n", tables.Select(t => $"[{t.Name}]\n" + string.Join("\n", t.Rows.Select(r => r.Number + ":" + string.Join("|", r.Cells)))));
    }
}

public sealed class PlanRoundTripOnSqlite(SqliteApp app) : PlanRoundTripTests(app), IClassFixture<SqliteApp>;

public sealed class PlanRoundTripOnPostgreSql(PostgreSqlApp app) : PlanRoundTripTests(app), IClassFixture<PostgreSqlApp>;
