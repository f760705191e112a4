using System.Text.Json;
using Followthrough.Cli;

namespace Followthrough.Tests.Services;

/// <summary><c>followthrough services deadline</c>, run in-process as the command line runs it, without a database.</summary>
public sealed class ServicesCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ft-cli-services-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("2025-01-24", "20", new string[0], "2025-02-27")]
    [InlineData("2025-01-24", "20", new[] { "--extend", "10" }, "2025-03-13")]
    [InlineData("2025-01-20", "20", new[] { "--pause", "2025-02-05..2025-02-11" }, "2025-03-03")]
    [InlineData("2025-09-26", "20", new[] { "--pause", "2025-10-09..2025-10-13", "--pause", "2025-10-11..2025-10-15" }, "2025-11-07")]
    [InlineData("2026-02-13", "2", new string[0], "2026-02-24")]
    public async Task Deadline_PrintsTheDueDate_AndCreatesNoDatabase(string accepted, string days, string[] more, string due)
    {
        var (code, output, error) = await RunAsync([.. Base(accepted, days), .. more]);
        Assert.Equal((0, due + Environment.NewLine, ""), (code, output, error));
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public async Task Deadline_Json_GivesTheDueDateWithTheCounts()
    {
        var (code, output, _) = await RunAsync([.. Base("2025-01-20", "20"), "--pause", "2025-02-05..2025-02-11", "--extend", "10", "--today", "2025-03-13", "--json"]);
        Assert.Equal(0, code);
        Assert.Equal(
            """{"due":"2025-03-17","accepted":"2025-01-20","days":20,"extension":10,"countedWorkingDays":30,"pausedWorkingDays":6,"pauses":[{"from":"2025-02-05","to":"2025-02-11"}],"calendarDays":56,"region":"CN-LN-DL","today":"2025-03-13","workingDaysLeft":2,"provisional":false}""",
            output.Trim());
    }

    [Fact]
    public async Task Deadline_IntoAYearWithNoSchedule_NotesItIsProvisional()
    {
        var (code, output, error) = await RunAsync(Base("2026-12-18", "20"));
        Assert.Equal((0, "2027-01-15"), (code, output.Trim()));
        Assert.Contains("provisional", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--accepted: 2025-02-30 is not a valid date.", "--accepted", "2025-02-30", "--days", "20")]
    [InlineData("--accepted: \"tomorrow\" is not a date in the form YYYY-MM-DD.", "--accepted", "tomorrow", "--days", "20")]
    [InlineData("--accepted: A date is required, in the form YYYY-MM-DD.", "--days", "20")]
    [InlineData("--days: The time limit must be from 1 to 2500 working days.", "--accepted", "2025-01-24", "--days", "0")]
    [InlineData("--days: The time limit must be from 1 to 2500 working days.", "--accepted", "2025-01-24", "--days", "-5")]
    [InlineData("--days: \"twenty\" is not a whole number.", "--accepted", "2025-01-24", "--days", "twenty")]
    [InlineData("--days: A whole number of working days is required.", "--accepted", "2025-01-24")]
    [InlineData("--pause: The pause 2025-02-11..2025-02-05 starts after it ends.", "--accepted", "2025-01-24", "--days", "20", "--pause", "2025-02-11..2025-02-05")]
    [InlineData("--pause: The pause 2025-01-20..2025-02-05 starts before the acceptance date 2025-01-24.", "--accepted", "2025-01-24", "--days", "20", "--pause", "2025-01-20..2025-02-05")]
    [InlineData("--pause: \"2025-02-05\" is not a pause in the form FROM..TO", "--accepted", "2025-01-24", "--days", "20", "--pause", "2025-02-05")]
    [InlineData("--pause: 2025-02-30 is not a valid date.", "--accepted", "2025-01-24", "--days", "20", "--pause", "2025-02-05..2025-02-30")]
    [InlineData("--extend: The extension must not be negative.", "--accepted", "2025-01-24", "--days", "20", "--extend", "-1")]
    [InlineData("--extend: The extension must be at most 15 working days, the legal maximum", "--accepted", "2025-01-24", "--days", "20", "--extend", "16")]
    [InlineData("--extend: \"ten\" is not a whole number.", "--accepted", "2025-01-24", "--days", "20", "--extend", "ten")]
    [InlineData("--days: the due date would be after 2099-12-31", "--accepted", "2099-12-01", "--days", "100")]
    [InlineData("--hurry", "--accepted", "2025-01-24", "--days", "20", "--hurry")]
    public async Task Deadline_BadInput_ExplainsAndExitsWith2(string message, params string[] args)
    {
        var (code, output, error) = await RunAsync(["--data-folder", _folder, "services", "deadline", .. args]);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deadline_SeveralMistakes_AreAllReportedAtOnce()
    {
        var (code, _, error) = await RunAsync("--data-folder", _folder, "services", "deadline", "--accepted", "2025-13-01", "--days", "x", "--extend", "99");
        Assert.Equal(2, code);
        Assert.Contains("--accepted", error, StringComparison.Ordinal);
        Assert.Contains("--days", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_DescribesTheDeadlineContract()
    {
        var (code, output, _) = await RunAsync("services", "deadline", "--help");
        Assert.Equal(0, code);
        foreach (var option in new[] { "--accepted", "--days", "--pause", "--extend", "--json" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Stats_PrintsTheMonthPerUnit_AsTableOrJson_AndRefusesAMonthThatIsNot()
    {
        var (bad, badOutput, badError) = await RunAsync("--data-folder", _folder, "services", "stats", "--month", "2026-13");
        Assert.Equal((2, ""), (bad, badOutput));
        Assert.Contains("'2026-13' is not a month: write it as YYYY-MM", badError, StringComparison.Ordinal);

        var (code, output, _) = await RunAsync("--data-folder", _folder, "services", "stats", "--month", "2026-11", "--json");
        Assert.Equal(0, code);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal("2026-11", json.RootElement.GetProperty("month").GetString());
        var total = json.RootElement.GetProperty("total");
        Assert.Equal(JsonValueKind.Null, total.GetProperty("unitId").ValueKind);
        Assert.Equal(
            json.RootElement.GetProperty("units").EnumerateArray().Sum(u => u.GetProperty("received").GetInt32()),
            total.GetProperty("received").GetInt32());

        var (table, text, _) = await RunAsync("--data-folder", _folder, "services", "stats", "--month", "2026-11");
        Assert.Equal(0, table);
        Assert.Contains("Service figures for 2026-11", text, StringComparison.Ordinal);
        Assert.Contains("TOTAL", text, StringComparison.Ordinal);
    }

    private string[] Base(string accepted, string days) => ["--data-folder", _folder, "services", "deadline", "--accepted", accepted, "--days", days];

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await FollowthroughCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
