using Followthrough.Storage;
using Followthrough.Storage.Migrations;
using Followthrough.Tests.Infrastructure;

namespace Followthrough.Tests.Cli;

public sealed class CliBasicsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Migrate_ThenDemoLoad_CreatesTheSchemaAndPrintsThePasswordOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var latest = MigrationRunner.For(provider).Max(m => m.Version);

        var migrate = await CliRun.RunAsync(database.ConnectionString, "migrate");
        Assert.Equal(0, migrate.ExitCode);
        Assert.Contains($"is at version {latest}", migrate.Output, StringComparison.Ordinal);

        var again = await CliRun.RunAsync(database.ConnectionString, "migrate");
        Assert.DoesNotContain("applied", again.Output, StringComparison.Ordinal);

        var demo = await CliRun.RunAsync(database.ConnectionString, "demo", "load");
        Assert.Equal(0, demo.ExitCode);
        Assert.Matches("Password \\(shown only now\\): [A-Za-z0-9]{16}", demo.Output);

        var second = await CliRun.RunAsync(database.ConnectionString, "demo", "load");
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("already holds data", second.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommandOrOption_ExitsWithTwo_AndSaysWhatIsWrong()
    {
        var run = await CliRun.RunAsync("ignored.db", "migrate", "--no-such-option");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--no-such-option", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableDatabase_ExitsNonZero_WithAClearMessage()
    {
        var run = await CliRun.RunAsync("Host=127.0.0.1;Port=1;Database=none;Username=x;Timeout=2", "demo", "load");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Cannot open the database", run.Error, StringComparison.Ordinal);
    }
}
