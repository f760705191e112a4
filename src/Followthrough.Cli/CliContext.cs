using Followthrough.Hosting;
using System.CommandLine;
using Followthrough.Demo;
using Followthrough.Storage;
using Followthrough.Storage.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Cli;

/// <summary>
/// What a command needs: where to write, and a service scope on the configured database, acting as "cli:USER"
/// in the audit trail. Commands that change data migrate the database first, so a fresh install just works.
/// </summary>
public sealed class CliContext : IAsyncDisposable
{
    public static readonly Option<string?> DatabaseOption = new("--database")
    {
        Description = "SQLite file or PostgreSQL connection string (default: Followthrough__Database, else ./data/followthrough.db)",
        Recursive = true,
    };

    public static readonly Option<string?> DataFolderOption = new("--data-folder")
    {
        Description = "Folder for the embedded database and files (default: Followthrough__DataFolder, else ./data)",
        Recursive = true,
    };

    public static readonly Option<string?> AuditKeyFileOption = new("--audit-key-file")
    {
        Description = "The audit key file (default: Followthrough__Audit__KeyFile); e.g. a copy kept offline, to verify with",
        Recursive = true,
    };

    private readonly ServiceProvider _provider;
    private readonly AsyncServiceScope _scope;

    private CliContext(ParseResult parse, DatabaseSettings settings, string dataFolder, IEnumerable<KeyValuePair<string, string?>>? extra)
    {
        Output = parse.InvocationConfiguration.Output;
        Error = parse.InvocationConfiguration.Error;
        Settings = settings;
        var services = new ServiceCollection();
        services.AddLogging();
        // The same configuration the web host reads (environment variables), with the data folder the command resolved.
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection([new(DatabaseSettings.DataFolderKey, dataFolder)])
            .AddInMemoryCollection(parse.GetValue(AuditKeyFileOption) is { Length: > 0 } keyFile
                ? [new("Followthrough:Audit:KeyFile", Path.GetFullPath(keyFile))]
                : [])
            .AddInMemoryCollection(extra ?? [])
            .Build());
        services.AddFollowthroughCore(settings);
        services.AddFollowthroughDemo(); // demo load
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        _scope = _provider.CreateAsyncScope();
        Services.GetRequiredService<Actor>().Set(null, $"cli:{Environment.UserName}");
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public DatabaseSettings Settings { get; }

    public IServiceProvider Services => _scope.ServiceProvider;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Opens the configured database; with <paramref name="migrate"/>, brings its schema up to date first.</summary>
    public static Task<CliContext> OpenAsync(ParseResult parse, bool migrate = true, CancellationToken cancellationToken = default) =>
        OpenAsync(parse, migrate, null, cancellationToken);

    /// <summary>The same, with settings of this command only over the environment's (e.g. a file named on the command line).</summary>
    public static async Task<CliContext> OpenAsync(
        ParseResult parse, bool migrate, IEnumerable<KeyValuePair<string, string?>>? extra, CancellationToken cancellationToken)
    {
        var settings = SettingsFrom(parse);
        var context = new CliContext(parse, settings, DataFolderFrom(parse), extra);
        if (migrate)
        {
            try
            {
                await context.Get<MigrationRunner>().MigrateAsync(cancellationToken: cancellationToken);
                await DatabaseStartup.AfterMigratingAsync(context.Services, cancellationToken);
            }
            catch (Exception error) when (error is System.Data.Common.DbException or InvalidOperationException or IOException)
            {
                await context.DisposeAsync();
                throw new CliException($"Cannot open the database ({settings.Describe()}): {error.Message}", FollowthroughCli.Failed);
            }
        }

        return context;
    }

    /// <summary>The database the command line is pointed at (--database, Followthrough__Database, else ./data), without opening it.</summary>
    public static DatabaseSettings SettingsFrom(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        return DatabaseSettings.Parse(parse.GetValue(DatabaseOption) ?? configuration[DatabaseSettings.ConfigurationKey], DataFolderFrom(parse));
    }

    /// <summary>The data folder (--data-folder, Followthrough__DataFolder, else ./data): the embedded database and evidence files.</summary>
    public static string DataFolderFrom(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetValue(DataFolderOption) is { Length: > 0 } folder
            ? Path.GetFullPath(folder)
            : DatabaseSettings.DataFolder(new ConfigurationBuilder().AddEnvironmentVariables().Build());
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _provider.DisposeAsync();
    }
}
