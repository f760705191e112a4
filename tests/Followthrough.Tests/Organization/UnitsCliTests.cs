using Followthrough.Hosting;
using System.Text;
using System.Text.Json;
using Followthrough.Audit;
using Followthrough.Cli;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Organization;

/// <summary>The units commands, run in-process against a fresh database with the demo loaded.</summary>
public abstract class UnitsCliTests : IAsyncLifetime
{
    private static readonly int DemoUnits = Followthrough.Demo.DemoOrganization.Units.Length;

    private TestDatabase _database = null!;

    protected abstract DatabaseProvider Provider { get; }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider);
        var (code, _, error) = await RunAsync("demo", "load");
        Assert.True(code == FollowthroughCli.Ok, error);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ExportThenImport_ChangesNothing_AndExportsAgainIdentically()
    {
        var first = FilePath("first.csv");
        Assert.Equal(FollowthroughCli.Ok, (await RunAsync("units", "export", first)).Code);
        var entries = await AuditEntriesAsync();

        var (code, output, _) = await RunAsync("units", "import", first);
        Assert.Equal(FollowthroughCli.Ok, code);
        Assert.Contains($"0 created, 0 updated, {DemoUnits} unchanged", output, StringComparison.Ordinal);
        Assert.Equal(entries, await AuditEntriesAsync());

        var second = FilePath("second.csv");
        await RunAsync("units", "export", second);
        Assert.Equal(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(second));
        Assert.Equal([0xEF, 0xBB, 0xBF], (await File.ReadAllBytesAsync(first))[..3]); // spreadsheets read it as UTF-8
    }

    [Fact]
    public async Task Import_CreatesChildrenBeforeOrAfterParents_AndUpdatesByCode_Audited()
    {
        var file = FilePath("changes.csv");
        await File.WriteAllTextAsync(file,
            "code,name_zh,name_en,kind,parent_code,aliases,active\n"
            + "dl-new-office,新设办公室,New Office,Government,DL-NEW,新办|NO,\n"
            + "DL-NEW,新设机构,New Agency,Bureau,DL-GOV,,true\n"
            + "DL-FIN,大连市财政局,Dalian Municipal Finance Bureau (renamed),Bureau,DL-GOV,市财政局,true\n",
            new UTF8Encoding(false));
        var entries = await AuditEntriesAsync();

        var (code, output, error) = await RunAsync("units", "import", file);
        Assert.True(code == FollowthroughCli.Ok, error);
        Assert.Contains("2 created, 1 updated, 0 unchanged", output, StringComparison.Ordinal);

        await using var scope = Services();
        var db = scope.ServiceProvider.GetRequiredService<FollowthroughDb>();
        var agency = await db.Set<Unit>().SingleAsync(u => u.Code == "DL-NEW");
        var office = await db.Set<Unit>().SingleAsync(u => u.Code == "DL-NEW-OFFICE");
        Assert.Equal(agency.Id, office.ParentId);
        Assert.Equal(["新办", "NO"], office.AliasList);
        var finance = await db.Set<Unit>().SingleAsync(u => u.Code == "DL-FIN");
        Assert.Equal(("Dalian Municipal Finance Bureau (renamed)", 2), (finance.NameEn, finance.Version));
        Assert.Equal("市财政局", finance.Aliases); // the English alias was left out of the file, so it is gone

        var added = await db.Set<AuditEntry>().Where(e => e.Sequence > entries).ToListAsync();
        Assert.Equal(3, added.Count);
        Assert.All(added, e => Assert.Equal(("imported", "units import changes.csv"), (e.Action, e.Comment)));
        Assert.All(added, e => Assert.StartsWith("cli:", e.ActorName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_OfABadFile_ListsEveryProblem_Exits2_AndWritesNothing()
    {
        var file = FilePath("bad.csv");
        await File.WriteAllTextAsync(file,
            "code,name_zh,name_en,kind,parent_code,aliases,active\n"
            + "GOOD-ONE,好,Good,Bureau,DL-GOV,,\n"
            + "x,,Bad,Ministry,NOWHERE,,maybe\n"
            + "CYC-A,甲,A,Bureau,CYC-B,,\n"
            + "CYC-B,乙,B,Bureau,CYC-A,,\n"
            + "GOOD-ONE,好,Good,Bureau,,,\n");
        var entries = await AuditEntriesAsync();

        var (code, _, error) = await RunAsync("units", "import", file);
        Assert.Equal(FollowthroughCli.BadInput, code);
        Assert.Contains("nothing was imported", error, StringComparison.Ordinal);
        foreach (var expected in new[] { "row 3, code", "row 3, name_zh", "row 3, kind", "row 3, parent_code", "row 3, active", "row 4, parent_code", "row 5, parent_code", "row 6, code" })
        {
            Assert.Contains(expected, error, StringComparison.Ordinal);
        }

        Assert.Equal(entries, await AuditEntriesAsync());
        await using var scope = Services();
        Assert.False(await scope.ServiceProvider.GetRequiredService<FollowthroughDb>().Set<Unit>().AnyAsync(u => u.Code == "GOOD-ONE"));
    }

    [Fact]
    public async Task Import_DryRun_ReportsButWritesNothing()
    {
        var file = FilePath("dry.csv");
        await File.WriteAllTextAsync(file, "code,name_zh,name_en,kind\nDRY-RUN,试运行,Dry run,Other\n");
        var (code, output, _) = await RunAsync("units", "import", file, "--dry-run");
        Assert.Equal(FollowthroughCli.Ok, code);
        Assert.Contains("would be 1 created", output, StringComparison.Ordinal);
        await using var scope = Services();
        Assert.False(await scope.ServiceProvider.GetRequiredService<FollowthroughDb>().Set<Unit>().AnyAsync(u => u.Code == "DRY-RUN"));
    }

    [Fact]
    public async Task Import_OfAMissingOrNonUtf8File_IsBadInput()
    {
        Assert.Equal(FollowthroughCli.BadInput, (await RunAsync("units", "import", FilePath("missing.csv"))).Code);

        var gbk = FilePath("gbk.csv");
        await File.WriteAllBytesAsync(gbk, [.. Encoding.ASCII.GetBytes("code,name_zh,name_en,kind\nAB,"), 0xB4, 0xF3, 0xC1, 0xAC, .. Encoding.ASCII.GetBytes(",Dalian,Government\n")]);
        var (code, _, error) = await RunAsync("units", "import", gbk);
        Assert.Equal(FollowthroughCli.BadInput, code);
        Assert.Contains("not UTF-8", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportToStandardOutput_AndList_ShowEveryUnit()
    {
        var (_, csv, _) = await RunAsync("units", "export");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("code,name_zh,name_en,kind,parent_code,aliases,active", lines[0]);
        Assert.Equal(DemoUnits + 1, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("DL-DRC,大连市发展和改革委员会,", StringComparison.Ordinal));

        var (code, text, _) = await RunAsync("units", "list");
        Assert.Equal(FollowthroughCli.Ok, code);
        Assert.Contains($"{DemoUnits} unit(s).", text, StringComparison.Ordinal);

        var (_, json, _) = await RunAsync("units", "list", "--json");
        var units = JsonSerializer.Deserialize<List<UnitDto>>(json, JsonSerializerOptions.Web)!;
        Assert.Equal(DemoUnits, units.Count);
        Assert.Equal("DL-GOV", units.Single(u => u.Code == "DL-DRC").ParentCode);
    }

    private string FilePath(string name) => Path.Combine(_database.Folder, name);

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await FollowthroughCli.RunAsync([.. args, "--database", _database.ConnectionString], output, error);
        return (code, output.ToString(), error.ToString());
    }

    private AsyncServiceScope Services()
    {
        var services = new ServiceCollection().AddLogging().AddFollowthroughCore(_database.Settings).BuildServiceProvider();
        return services.CreateAsyncScope();
    }

    private async Task<long> AuditEntriesAsync()
    {
        await using var scope = Services();
        return await scope.ServiceProvider.GetRequiredService<FollowthroughDb>().Set<AuditEntry>().LongCountAsync();
    }
}

public sealed class UnitsCliOnSqlite : UnitsCliTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class UnitsCliOnPostgreSql : UnitsCliTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
