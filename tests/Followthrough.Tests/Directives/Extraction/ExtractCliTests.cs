using System.CommandLine;
using System.Text;
using System.Text.Json;
using Followthrough.Cli;
using Followthrough.Directives.Extraction;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Directives.Extraction;

/// <summary>`followthrough extract`: the contract other tools use, its exit codes and its messages.</summary>
public sealed class ExtractCliTests : IDisposable
{
    private const string Record = "会议纪要\n\n会议要求，市发改委要在6月底前完成项目清单梳理，有关部门配合。会议听取了汇报。\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("ft-extract-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Json_IsTheOnlyThingOnStandardOutput_AndFollowsTheContract()
    {
        var run = await RunAsync(File(Record), "--date", "2021-04-21", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var directive = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(Record[6..37], directive.GetProperty("text").GetString());
        Assert.Equal("2021-06-30", directive.GetProperty("deadline").GetProperty("date").GetString());
        Assert.Equal("DL-DRC", directive.GetProperty("actors")[0].GetProperty("unit").GetString());
    }

    [Fact]
    public async Task Table_IsReadable_AndSaysSoWhenThereIsNothing()
    {
        var found = await RunAsync(File(Record), "--date", "2021-04-21", "--format", "table");
        var nothing = await RunAsync(File("会议听取了汇报。会议还研究了其他事项。"), "--format", "table");

        Assert.Equal(0, found.ExitCode);
        Assert.Contains("1 directive(s) (Chinese, document date 2021-04-21)", found.Output, StringComparison.Ordinal);
        Assert.Contains("2021-06-30 (6月底前)", found.Output, StringComparison.Ordinal);
        Assert.Contains("DL-DRC 市发改委", found.Output, StringComparison.Ordinal);
        Assert.Equal(0, nothing.ExitCode);
        Assert.StartsWith("No directives found (Chinese", nothing.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoDirectives_PrintsAnEmptyArray_AndSucceeds()
    {
        var run = await RunAsync(File("The meeting heard a report. The meeting also studied other matters."));

        Assert.Equal((0, "[]"), (run.ExitCode, run.Output.Trim()));
    }

    [Fact]
    public async Task ByteOrderMark_IsNotCounted_AndLineEndsAreKept()
    {
        var text = "Minutes\r\n\r\nThe DRC must report by the end of June.\r\n";
        var path = Path.Combine(_folder, "bom.txt");
        await System.IO.File.WriteAllBytesAsync(path, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);

        var run = await RunAsync(path, "--date", "2021-04-21");

        using var json = JsonDocument.Parse(run.Output);
        var directive = json.RootElement[0];
        var start = directive.GetProperty("start").GetInt32();
        Assert.Equal(11, start);
        Assert.Equal(text[start..directive.GetProperty("end").GetInt32()], directive.GetProperty("text").GetString());
    }

    [Fact]
    public async Task WithoutADate_TodayInBeijingByTheInjectedClock_IsTheDocumentDate()
    {
        // 31 December 2030, 17:00 UTC is already 1 January 2031 in Beijing, whatever the server's zone.
        var clock = new FixedClock(new DateTimeOffset(2030, 12, 31, 17, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc);
        var root = new RootCommand { ExtractCommand.Build(clock) };
        await using var output = new StringWriter();

        var exit = await root.Parse(["extract", File("各区要在年底前完成整改。")]).InvokeAsync(new InvocationConfiguration { Output = output });

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal("2031-12-31", json.RootElement[0].GetProperty("deadline").GetProperty("date").GetString());
        Assert.Contains("default: today", root.Subcommands[0].Options.Single(o => o.Name == "--date").Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForcedLanguage_ReadsTheDocumentAsThatLanguage()
    {
        var french = File("Le comité doit terminer le rapport avant juin.");

        var refused = await RunAsync(french);
        var forced = await RunAsync(french, "--lang", "en");

        Assert.Equal(2, refused.ExitCode);
        Assert.Equal(0, forced.ExitCode);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("  \n\t\n ", "only white space")]
    [InlineData("Dans la salle, le comité a discuté du budget et des travaux de la ville.", "neither English nor Chinese")]
    [InlineData("Комитет обсудил бюджет города.", "neither English nor Chinese")]
    public async Task UnusableText_ExitsWithTwo_AndSaysWhy(string content, string reason)
    {
        var run = await RunAsync(File(content));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00 }, "binary file")]
    [InlineData(new byte[] { 0x41, 0x42, 0xC3, 0x28 }, "not valid UTF-8")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x41, 0x00 }, "UTF-16")]
    public async Task BinaryOrBadlyEncodedFile_ExitsWithTwo_AndSaysWhy(byte[] bytes, string reason)
    {
        var path = Path.Combine(_folder, "bad.bin");
        await System.IO.File.WriteAllBytesAsync(path, bytes);

        var run = await RunAsync(path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFile_OrFolder_OrTooLargeFile_ExitsWithTwo()
    {
        var large = Path.Combine(_folder, "large.txt");
        await using (var stream = System.IO.File.Create(large))
        {
            stream.SetLength(DocumentText.MaxBytes + 1);
        }

        var missing = await RunAsync(Path.Combine(_folder, "nope.txt"));
        var folder = await RunAsync(_folder);
        var tooLarge = await RunAsync(large);

        Assert.Equal((2, 2, 2), (missing.ExitCode, folder.ExitCode, tooLarge.ExitCode));
        Assert.Contains("No such file", missing.Error, StringComparison.Ordinal);
        Assert.Contains("is a folder", folder.Error, StringComparison.Ordinal);
        Assert.Contains("larger than 20 MB", tooLarge.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--date", "21/04/2021", "YYYY-MM-DD")]
    [InlineData("--lang", "fr", "'fr' not recognized")]
    [InlineData("--format", "xml", "'xml' not recognized")]
    public async Task BadOptions_ExitWithTwo(string option, string value, string message)
    {
        var run = await RunAsync(File(Record), option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutADatabase_TheDemoUnitsAreUsed_AndNoDatabaseIsCreated()
    {
        var dataFolder = Path.Combine(_folder, "data");
        var absent = Path.Combine(_folder, "absent.db");

        var defaultRun = await RunAsync(File(Record), "--data-folder", dataFolder);
        var absentRun = await RunAsync(File(Record), "--database", absent);

        Assert.Equal((0, 0), (defaultRun.ExitCode, absentRun.ExitCode));
        Assert.Contains("DL-DRC", defaultRun.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dataFolder));
        Assert.False(System.IO.File.Exists(absent));
        Assert.Contains("does not exist; using the built-in demo units", absentRun.Error, StringComparison.Ordinal);
        Assert.StartsWith("[", absentRun.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableDatabase_FallsBackToTheDemoUnits_WithANote()
    {
        var run = await RunAsync(File(Record), "--database", "Host=127.0.0.1;Port=1;Database=none;Username=x;Timeout=2");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("cannot be read", run.Error, StringComparison.Ordinal);
        Assert.Contains("DL-DRC", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ConfiguredDatabase_ItsUnitsAreUsed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Assert.Equal(0, (await CliRun.RunAsync(database.ConnectionString, "migrate")).ExitCode);
        await AddUnitAsync(database.Settings, new Unit { Code = "X-HARBOUR", NameZh = "市港务局", NameEn = "Municipal Harbour Bureau", Aliases = "港务局" });

        var run = await RunAsync(File("市港务局要在6月底前完成码头安全检查。"), "--database", database.ConnectionString);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("X-HARBOUR", json.RootElement[0].GetProperty("actors")[0].GetProperty("unit").GetString());
    }

    private static Task<int> AddUnitAsync(DatabaseSettings settings, Unit unit) =>
        CoreServices.WithServicesAsync(settings, async services =>
        {
            var db = services.GetRequiredService<FollowthroughDb>();
            db.Set<Unit>().Add(unit);
            return await db.SaveChangesAsync();
        });

    /// <summary>Runs `followthrough extract` in-process with exactly these arguments (no database unless given).</summary>
    private static async Task<CliResult> RunAsync(string path, params string[] options)
    {
        await using var output = new StringWriter();
        await using var error = new StringWriter();
        var exit = await FollowthroughCli.RunAsync(["extract", path, .. options], output, error);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    private string File(string content)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.txt");
        System.IO.File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
