using DocumentFormat.OpenXml.Packaging;
using Followthrough.Evaluation;
using Followthrough.Storage;
using Followthrough.Tasks;
using Followthrough.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Evaluation;

/// <summary>followthrough bulletin and followthrough commitments list on both databases, over the demo.</summary>
public sealed class BulletinCliTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Bulletin_AndCommitments_FromTheCommandLine(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Task<CliResult> Run(params string[] args) => CliRun.RunAsync(database.ConnectionString, [.. args, "--data-folder", database.Folder]);
        Assert.Equal(0, (await Run("demo", "load")).ExitCode);
        var quarter = await CoreServices.WithServicesAsync(database.Settings, sp => Task.FromResult(EvaluationPeriod.QuarterOf(sp.GetRequiredService<TaskWriting>().Today)));
        var previous = quarter.PreviousQuarter().Key;

        var csv = await Run("bulletin", previous, "--format", "csv");
        Assert.True(csv.ExitCode == 0, csv.All);
        var lines = csv.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Rank,Unit code,Unit,Tasks due", lines[0], StringComparison.Ordinal);
        // The demo's kept commitment: the business environment bureau, ranked, with the quality score of 92 entered for it.
        var beb = lines.Single(l => l.Contains(",DL-BEB,", StringComparison.Ordinal)).Split(',');
        Assert.NotEqual("-", beb[0]);
        Assert.Equal("1", beb[4]); // closed on time
        Assert.Equal("92", beb[13]);
        Assert.StartsWith("Ranking rule,", lines[^1], StringComparison.Ordinal);

        var file = Path.Combine(database.Folder, "bulletin.xlsx");
        var xlsx = await Run("bulletin", quarter.Key.ToLowerInvariant(), "--format", "xlsx", "--output", file);
        Assert.True(xlsx.ExitCode == 0, xlsx.All);
        using (var document = SpreadsheetDocument.Open(file, false))
        {
            var texts = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>().Select(t => t.Text).ToList();
            Assert.Contains("DL-IIT", texts); // the overdue commitment
            Assert.Contains(texts, t => t.StartsWith("Accountability: ", StringComparison.Ordinal));
        }

        var bad = await Run("bulletin", "2026Q7", "--format", "csv");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("quarter is 1 to 4", bad.Error, StringComparison.Ordinal);
        var badFormat = await Run("bulletin", "2026Q3", "--format", "pdf");
        Assert.Equal(2, badFormat.ExitCode);
        Assert.Contains("xlsx or csv", badFormat.Error, StringComparison.Ordinal);

        var commitments = await Run("commitments", "list");
        Assert.True(commitments.ExitCode == 0, commitments.All);
        Assert.Contains("Kept", commitments.Output, StringComparison.Ordinal);
        Assert.Contains("Overdue", commitments.Output, StringComparison.Ordinal);
        Assert.Contains("3 commitment(s).", commitments.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Summarize_FillsTheMissingSummaries_ThenHasNothingToDo_AndTheBulletinIsTheSame(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Task<CliResult> Run(params string[] args) => CliRun.RunAsync(database.ConnectionString, [.. args, "--data-folder", database.Folder]);
        Assert.Equal(0, (await Run("demo", "load")).ExitCode);
        var previous = await CoreServices.WithServicesAsync(database.Settings, sp => Task.FromResult(EvaluationPeriod.QuarterOf(sp.GetRequiredService<TaskWriting>().Today).PreviousQuarter().Key));
        var before = await Run("bulletin", previous, "--format", "csv");
        Assert.True(before.ExitCode == 0, before.All);

        var first = await Run("bulletin", "summarize", "--batch", "7");
        Assert.True(first.ExitCode == 0, first.All);
        Assert.Matches(@"Summarized the reporting periods of [1-9][\d,]* task\(s\)", first.Output);
        var again = await Run("bulletin", "summarize");
        Assert.True(again.ExitCode == 0, again.All);
        Assert.Contains("Summarized the reporting periods of 0 task(s)", again.Output, StringComparison.Ordinal);

        var after = await Run("bulletin", previous, "--format", "csv");
        Assert.Equal(before.Output, after.Output);

        var bad = await Run("bulletin", "summarize", "--batch", "0");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--batch", bad.Error, StringComparison.Ordinal);
    }
}
