using Followthrough.Storage;
using Npgsql;

namespace Followthrough.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database on a real server: a SQLite file in a temporary folder, or a new database on the
/// throw-away PostgreSQL cluster that test.sh starts (its address in FOLLOWTHROUGH_TEST_POSTGRES). Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "FOLLOWTHROUGH_TEST_POSTGRES";

    private readonly string? _postgresName;

    private TestDatabase(DatabaseSettings settings, string folder, string? postgresName)
    {
        Settings = settings;
        Folder = folder;
        _postgresName = postgresName;
    }

    public DatabaseSettings Settings { get; }

    /// <summary>A private temporary folder, usable as the data folder.</summary>
    public string Folder { get; }

    public string ConnectionString => Settings.ConnectionString;

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var folder = Directory.CreateTempSubdirectory("ft-test-").FullName;
        if (provider == DatabaseProvider.Sqlite)
        {
            return new TestDatabase(DatabaseSettings.Parse(Path.Combine(folder, "test.db")), folder, null);
        }

        var server = ServerConnectionString();
        var name = $"ft_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(DatabaseSettings.Parse(builder.ConnectionString), folder, name);
    }

    public static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Run the tests with ./test.sh, which starts a throw-away PostgreSQL server, "
                + "or point the variable at a PostgreSQL server you may create databases on.");

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(ServerConnectionString());
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finalizer; the OS temp cleaner takes it later.
        }
    }
}
