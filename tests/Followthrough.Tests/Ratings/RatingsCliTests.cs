using System.Text.Json;
using Followthrough.Cli;

namespace Followthrough.Tests.Ratings;

/// <summary><c>followthrough ratings stats|publish</c>, run in-process as the command line runs it, on a SQLite file of its own.</summary>
public sealed class RatingsCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ft-cli-ratings-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Stats_PrintsTheMonthPerUnit_AsTableOrJson_AndRefusesAMonthThatIsNot()
    {
        var (bad, badOutput, badError) = await RunAsync("--data-folder", _folder, "ratings", "stats", "--month", "2026-13");
        Assert.Equal((2, ""), (bad, badOutput));
        Assert.Contains("'2026-13' is not a month: write it as YYYY-MM", badError, StringComparison.Ordinal);

        var (code, output, _) = await RunAsync("--data-folder", _folder, "ratings", "stats", "--month", "2026-11", "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("2026-11", json.RootElement.GetProperty("month").GetString());
        var total = json.RootElement.GetProperty("total");
        Assert.Equal(JsonValueKind.Null, total.GetProperty("unitId").ValueKind);
        Assert.Equal(
            json.RootElement.GetProperty("units").EnumerateArray().Sum(u => u.GetProperty("received").GetInt32()),
            total.GetProperty("received").GetInt32());

        var (table, text, _) = await RunAsync("--data-folder", _folder, "ratings", "stats", "--month", "2026-11");
        Assert.Equal(0, table);
        Assert.Contains("Ratings figures for 2026-11", text, StringComparison.Ordinal);
        Assert.Contains("TOTAL", text, StringComparison.Ordinal);
        Assert.Contains("upheld", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_PublishesAMonthThatIsOver_Once()
    {
        var (code, output, error) = await RunAsync("--data-folder", _folder, "ratings", "publish", "--month", "2024-03");
        Assert.True(code == 0, error);
        Assert.StartsWith("Published 2024-03:", output, StringComparison.Ordinal);

        var (again, _, againError) = await RunAsync("--data-folder", _folder, "ratings", "publish", "--month", "2024-03");
        Assert.Equal(1, again);
        Assert.Contains("2024-03 is already published", againError, StringComparison.Ordinal);

        var thisMonth = ChinaClock.Today(TimeProvider.System).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var (early, _, earlyError) = await RunAsync("--data-folder", _folder, "ratings", "publish", "--month", thisMonth);
        Assert.Equal(1, early);
        Assert.Contains("is not over yet", earlyError, StringComparison.Ordinal);

        var (missing, _, _) = await RunAsync("--data-folder", _folder, "ratings", "publish");
        Assert.Equal(2, missing);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await FollowthroughCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
