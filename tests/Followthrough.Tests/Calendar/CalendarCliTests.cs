using Followthrough.Cli;
using Followthrough.Storage;
using Followthrough.Tests.Infrastructure;

namespace Followthrough.Tests.Calendar;

/// <summary>The calendar commands, run in-process as the followthrough command line runs them.</summary>
public sealed class CalendarCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ft-cli-calendar-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task IsWorkingDay_WithoutADatabase_AnswersFromTheBuiltInData_AndCreatesNoDatabase()
    {
        var (code, output, _) = await RunAsync("--data-folder", _folder, "calendar", "is-working-day", "2025-01-26");
        Assert.Equal((0, "yes"), (code, output.Trim()));
        (code, output, _) = await RunAsync("--data-folder", _folder, "calendar", "is-working-day", "2025-01-28", "--json");
        Assert.Equal(0, code);
        Assert.Equal("""{"date":"2025-01-28","region":"CN","isWorkingDay":false,"kind":"holiday","name":"春节","provisional":false}""", output.Trim());
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Theory]
    [InlineData("2025-02-30", "2025-02-30 is not a valid date.")]
    [InlineData("26/01/2025", "\"26/01/2025\" is not a date in the form YYYY-MM-DD.")]
    [InlineData("1999-12-31", "The calendar covers 2000-01-01 to 2099-12-31.")]
    public async Task IsWorkingDay_BadDate_ExplainsAndExitsWith2(string date, string message)
    {
        var (code, output, error) = await RunAsync("--data-folder", _folder, "calendar", "is-working-day", date);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddWorkingDays_PrintsTheIsoDate_OrJson_WithTheProvisionalFlag()
    {
        var (code, output, _) = await RunAsync("--data-folder", _folder, "calendar", "add-working-days", "2025-01-24", "7");
        Assert.Equal((0, "2025-02-10"), (code, output.Trim()));

        (code, output, _) = await RunAsync("--data-folder", _folder, "calendar", "add-working-days", "2025-01-24", "7", "--json");
        Assert.Equal((0, """{"date":"2025-02-10","provisional":false}"""), (code, output.Trim()));

        string error;
        (code, output, error) = await RunAsync("--data-folder", _folder, "calendar", "add-working-days", "2026-12-28", "5", "--json");
        Assert.Equal((0, """{"date":"2027-01-04","provisional":true}"""), (code, output.Trim()));
        Assert.Empty(error);

        (code, output, error) = await RunAsync("--data-folder", _folder, "calendar", "add-working-days", "2026-12-28", "5");
        Assert.Equal((0, "2027-01-04"), (code, output.Trim()));
        Assert.Contains("provisional", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-3", "The number of working days must not be negative.")]
    [InlineData("five", "\"five\" is not a whole number.")]
    public async Task AddWorkingDays_BadCount_ExitsWith2(string n, string message)
    {
        var (code, _, error) = await RunAsync("--data-folder", _folder, "calendar", "add-working-days", "2025-01-24", n);
        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Between_CountsBothWays()
    {
        var (code, output, _) = await RunAsync("--data-folder", _folder, "calendar", "between", "2025-01-24", "2025-02-10");
        Assert.Equal((0, "7"), (code, output.Trim()));
        (code, output, _) = await RunAsync("--data-folder", _folder, "calendar", "between", "2025-02-10", "2025-01-24", "--json");
        Assert.Equal((0, """{"workingDays":-7,"provisional":false}"""), (code, output.Trim()));
    }

    [Fact]
    public async Task BadRegion_ExitsWith2()
    {
        var (code, _, error) = await RunAsync("--data-folder", _folder, "calendar", "is-working-day", "2025-01-01", "--region", "Dalian");
        Assert.Equal(2, code);
        Assert.Contains("CN-LN-DL", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_DescribesEveryCalendarCommand()
    {
        var (code, output, _) = await RunAsync("calendar", "--help");
        Assert.Equal(0, code);
        foreach (var command in new[] { "is-working-day", "add-working-days", "between", "import", "schedules" })
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Import_ChecksTheFile_ThenQuestionsUseTheImportedYear(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var bad = Path.Combine(_folder, "bad.csv");
        await File.WriteAllTextAsync(bad, "2027-01-01,off,元旦\n2027-02-30,off\n2027-01-01,work\n");
        var (code, _, error) = await RunAsync("--database", database.ConnectionString, "calendar", "import", bad);
        Assert.Equal(2, code);
        Assert.Contains("Line 2: 2027-02-30 is not a valid date.", error, StringComparison.Ordinal);
        Assert.Contains("Line 3: 2027-01-01 is listed both as a rest day and as a working day", error, StringComparison.Ordinal);

        var good = Path.Combine(_folder, "2027.json");
        await File.WriteAllTextAsync(good, """{ "year": 2027, "papers": [], "days": [ { "name": "元旦", "date": "2027-01-01", "isOffDay": true } ] }""");
        string output;
        (code, output, _) = await RunAsync("--database", database.ConnectionString, "calendar", "import", good);
        Assert.Equal(0, code);
        Assert.Contains("Imported the 2027 national schedule from 2027.json: 1 days (1 added, 0 changed, 0 removed).", output, StringComparison.Ordinal);

        // With the database: 1 January 2027 is a holiday and the answer is official; without it, weekends only.
        (code, output, _) = await RunAsync("--database", database.ConnectionString, "calendar", "add-working-days", "2026-12-31", "1", "--json");
        Assert.Equal((0, """{"date":"2027-01-04","provisional":false}"""), (code, output.Trim()));
        (_, output, _) = await RunAsync("--data-folder", _folder, "calendar", "add-working-days", "2026-12-31", "1", "--json");
        Assert.Equal("""{"date":"2027-01-01","provisional":true}""", output.Trim());

        var regional = Path.Combine(_folder, "dalian.csv");
        await File.WriteAllTextAsync(regional, "2027-01-04,off,Local rest\n");
        (code, output, _) = await RunAsync("--database", database.ConnectionString, "calendar", "import", regional, "--region", "cn-ln-dl");
        Assert.Equal(0, code);
        Assert.Contains("CN-LN-DL", output, StringComparison.Ordinal);
        (_, output, _) = await RunAsync("--database", database.ConnectionString, "calendar", "add-working-days", "2026-12-31", "1", "--region", "CN-LN-DL");
        Assert.Equal("2027-01-05", output.Trim());

        (code, output, _) = await RunAsync("--database", database.ConnectionString, "calendar", "import", good);
        Assert.Equal(0, code);
        Assert.Contains("replacing the earlier import", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MissingFile_ExitsWith2()
    {
        var (code, _, error) = await RunAsync("--data-folder", _folder, "calendar", "import", Path.Combine(_folder, "missing.csv"));
        Assert.Equal(2, code);
        Assert.Contains("Cannot read", error, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await FollowthroughCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
