using Followthrough.Hosting;
using Followthrough.Cli;
using Followthrough.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Infrastructure;

/// <summary>Runs the followthrough command line in-process against a database and captures what it prints.</summary>
public static class CliRun
{
    public static async Task<CliResult> RunAsync(string connectionString, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await FollowthroughCli.RunAsync([.. args, "--database", connectionString], output, error);
        return new CliResult(exit, output.ToString(), error.ToString());
    }
}

public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;
}

/// <summary>A fresh database with the demo loaded through the CLI, for command-line tests (one per test class).</summary>
public abstract class CliDatabase : IAsyncLifetime
{
    public abstract DatabaseProvider Provider { get; }

    public TestDatabase Database { get; private set; } = null!;

    public string ConnectionString => Database.ConnectionString;

    public Task<CliResult> RunAsync(params string[] args) => CliRun.RunAsync(ConnectionString, args);

    /// <summary>Runs code with the product's services on this database (acting as "test"), to arrange or check records.</summary>
    public Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work) => CoreServices.WithServicesAsync(Database.Settings, work);

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(Provider);
        var loaded = await RunAsync("demo", "load");
        Assert.True(loaded.ExitCode == 0, loaded.All);
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}

public sealed class SqliteCliDatabase : CliDatabase
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlCliDatabase : CliDatabase
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>The product's services (no web host) on a database: what the CLI and background jobs use.</summary>
public static class CoreServices
{
    public static async Task<T> WithServicesAsync<T>(DatabaseSettings settings, Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var provider = Build(settings);
        await using var scope = provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Actor>().Set(null, "test");
        return await work(scope.ServiceProvider);
    }

    public static ServiceProvider Build(DatabaseSettings settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFollowthroughCore(settings);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
