using System.IO.Compression;
using System.Text;
using Followthrough.Cli;
using Followthrough.Tests.Infrastructure;
using Followthrough.Tests.Plans;

namespace Followthrough.Tests.Security;

/// <summary>
/// The command line on hostile files and formula-like text (issue 14): the imports refuse a deeply nested workbook with
/// exit code 2 and a message naming the limit (before, the process aborted with a stack overflow, exit 134); the plan
/// and unit exports never write a cell a spreadsheet would run as a formula, and read their own files back unchanged.
/// </summary>
public abstract class HostileFilesCliTests(CliDatabase database)
{
    private const string Formula = "=HYPERLINK(\"http://example.invalid/\",\"点击\")";

    [Theory]
    [InlineData("tasks")]
    [InlineData("plans")]
    public async Task Import_OfADeeplyNestedWorkbook_IsBadInput_NamingTheLimit(string module)
    {
        var path = Path.Combine(database.Database.Folder, $"nested-{module}.xlsx");
        await File.WriteAllBytesAsync(path, HostileFiles.DeeplyNestedXlsx());
        var result = await database.RunAsync(module, "import", path);
        Assert.Equal(FollowthroughCli.BadInput, result.ExitCode);
        Assert.Contains("MaxXmlDepth", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanExport_NeutralizesFormulas_AsCsvAndExcel_AndReadsBackUnchanged()
    {
        var file = new TestPlanFile("FORMULA-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant());
        file.Items[0]["text_zh"] = Formula;
        file.Items[0]["text_en"] = "@SUM(1+1)";
        file.Values[1]["note"] = "-2+3";
        var path = Path.Combine(database.Database.Folder, $"{file.Code}.csv");
        await File.WriteAllBytesAsync(path, file.Csv());
        var imported = await database.RunAsync("plans", "import", path);
        Assert.True(imported.ExitCode == FollowthroughCli.Ok, imported.All);

        var csv = await database.RunAsync("plans", "export", file.Code);
        Assert.Equal(FollowthroughCli.Ok, csv.ExitCode);
        Assert.Contains("\"'=HYPERLINK(\"\"http://example.invalid/\"\",\"\"点击\"\")\"", csv.Output, StringComparison.Ordinal);
        Assert.Contains(",'@SUM(1+1),", csv.Output, StringComparison.Ordinal);
        Assert.Contains(",'-2+3", csv.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", csv.Output, StringComparison.Ordinal);

        var exported = Path.Combine(database.Database.Folder, $"{file.Code}-export.csv");
        await File.WriteAllTextAsync(exported, csv.Output, new UTF8Encoding(false));
        var again = await database.RunAsync("plans", "import", exported);
        Assert.True(again.ExitCode == FollowthroughCli.Ok, again.All);
        Assert.Contains("unchanged", again.Output, StringComparison.Ordinal);

        var xlsx = Path.Combine(database.Database.Folder, $"{file.Code}.xlsx");
        Assert.Equal(FollowthroughCli.Ok, (await database.RunAsync("plans", "export", file.Code, "--format", "xlsx", "--output", xlsx)).ExitCode);
        ExcelKeepsAsText(await File.ReadAllBytesAsync(xlsx), Formula);
    }

    [Fact]
    public async Task UnitsExport_NeutralizesFormulas_AndReadsBackUnchanged()
    {
        var code = "FX-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var input = Path.Combine(database.Database.Folder, $"{code}.csv");
        await File.WriteAllTextAsync(input, $"code,name_zh,name_en,kind\n{code},=1+2,\"{Formula.Replace("\"", "\"\"", StringComparison.Ordinal)}\",Other\n");
        var imported = await database.RunAsync("units", "import", input);
        Assert.True(imported.ExitCode == FollowthroughCli.Ok, imported.All);

        var export = await database.RunAsync("units", "export");
        var line = export.Output.Split("\r\n").Single(l => l.StartsWith(code + ",", StringComparison.Ordinal));
        Assert.StartsWith($"{code},'=1+2,\"'=HYPERLINK(", line, StringComparison.Ordinal);

        var exported = Path.Combine(database.Database.Folder, $"{code}-export.csv");
        await File.WriteAllTextAsync(exported, export.Output);
        var again = await database.RunAsync("units", "import", exported, "--dry-run");
        Assert.True(again.ExitCode == FollowthroughCli.Ok, again.All);
        Assert.Contains("0 created, 0 updated", again.Output, StringComparison.Ordinal);
    }

    /// <summary>The cell holding <paramref name="text"/> is inline text with the quote-prefix style, and no cell is a formula.</summary>
    internal static void ExcelKeepsAsText(byte[] workbook, string text)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook));
        var escaped = System.Security.SecurityElement.Escape(text).Replace("&apos;", "'", StringComparison.Ordinal).Replace("&quot;", "\"", StringComparison.Ordinal);
        var sheets = zip.Entries.Where(e => e.FullName.Contains("worksheets/", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()).ToList();
        Assert.DoesNotContain(sheets, s => s.Contains("<f>", StringComparison.Ordinal) || s.Contains("<x:f>", StringComparison.Ordinal));
        var sheet = Assert.Single(sheets, s => s.Contains(escaped, StringComparison.Ordinal));
        var cell = sheet[..sheet.IndexOf(escaped, StringComparison.Ordinal)];
        cell = cell[cell.LastIndexOf("<c ", StringComparison.Ordinal)..];
        Assert.Contains("s=\"2\"", cell, StringComparison.Ordinal);
        var styles = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith("styles.xml", StringComparison.Ordinal)).Open()).ReadToEnd();
        Assert.Contains("quotePrefix=\"1\"", styles, StringComparison.Ordinal);
    }
}

public sealed class HostileFilesCliOnSqlite(SqliteCliDatabase database) : HostileFilesCliTests(database), IClassFixture<SqliteCliDatabase>;

public sealed class HostileFilesCliOnPostgreSql(PostgreSqlCliDatabase database) : HostileFilesCliTests(database), IClassFixture<PostgreSqlCliDatabase>;
