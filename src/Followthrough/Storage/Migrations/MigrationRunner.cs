using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Followthrough.Storage.Migrations;

/// <summary>
/// Applies the hand-written SQL migrations of one provider in version order, each in its own transaction
/// together with its row in <c>schema_migrations</c>, so a failed migration leaves the database as it was.
/// Safe to run from several processes at once: PostgreSQL takes an advisory lock, SQLite an immediate transaction.
/// </summary>
public sealed class MigrationRunner(DatabaseSettings settings)
{
    private const long PostgresLockKey = 0x466F6C6C6F77; // "Follow"

    public static IReadOnlyList<Migration> For(DatabaseProvider provider)
    {
        var folder = provider == DatabaseProvider.Sqlite ? "Sqlite" : "PostgreSql";
        var prefix = $"migrations/{folder}/";
        var assembly = typeof(MigrationRunner).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(name => Load(assembly, name, name[prefix.Length..]))
            .OrderBy(m => m.Version)];
    }

    public IReadOnlyList<Migration> Migrations => For(settings.Provider);

    /// <summary>Applies every migration up to <paramref name="targetVersion"/> (all when null); returns those applied.</summary>
    public async Task<IReadOnlyList<Migration>> MigrateAsync(int? targetVersion = null, CancellationToken cancellationToken = default)
    {
        PrepareSqliteFolder();
        await using var connection = Open();
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, CreateHistoryTableSql(), cancellationToken);

        var applied = new List<Migration>();
        foreach (var migration in Migrations.Where(m => targetVersion is null || m.Version <= targetVersion))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (settings.Provider == DatabaseProvider.PostgreSql)
            {
                await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgresLockKey})", cancellationToken);
            }

            if (await IsAppliedAsync(connection, transaction, migration.Version, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                continue;
            }

            await ExecuteAsync(connection, transaction, migration.Script, cancellationToken);
            await using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @applied)";
                record.AddParameter("@version", migration.Version);
                record.AddParameter("@name", migration.Name);
                record.AddParameter("@applied", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            applied.Add(migration);
        }

        return applied;
    }

    /// <summary>The highest applied version, or 0 for an empty database.</summary>
    public async Task<int> CurrentVersionAsync(CancellationToken cancellationToken = default)
    {
        PrepareSqliteFolder();
        await using var connection = Open();
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, CreateHistoryTableSql(), cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return Convert.ToInt32(result, CultureInfo.InvariantCulture);
    }

    private DbConnection Open() => settings.Provider == DatabaseProvider.Sqlite
        ? new SqliteConnection(settings.ConnectionString)
        : new NpgsqlConnection(settings.ConnectionString);

    private void PrepareSqliteFolder()
    {
        var file = settings.SqliteFile;
        if (file is null || file == ":memory:")
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }

    private string CreateHistoryTableSql() => settings.Provider == DatabaseProvider.Sqlite
        ? "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);"
        : "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL);";

    private static async Task<bool> IsAppliedAsync(DbConnection connection, DbTransaction transaction, int version, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM schema_migrations WHERE version = @version";
        command.AddParameter("@version", version);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // The SQL is our own embedded migration script, never user input.
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Migration Load(Assembly assembly, string resourceName, string fileName)
    {
        // File names are "0001_foundation.sql": the number is the version, the rest its name.
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var separator = stem.IndexOf('_', StringComparison.Ordinal);
        var version = int.Parse(stem[..separator], CultureInfo.InvariantCulture);
        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);
        return new Migration(version, stem[(separator + 1)..], reader.ReadToEnd());
    }
}
