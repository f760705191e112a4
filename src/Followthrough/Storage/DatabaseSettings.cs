using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Followthrough.Storage;

/// <summary>
/// Where the data lives. One setting, <c>Followthrough:Database</c>: a PostgreSQL connection string
/// (<c>Host=...</c> or a <c>postgres://</c> URL) selects PostgreSQL; anything else is a SQLite file path or
/// SQLite connection string. Unset, the embedded default is <c>followthrough.db</c> in the data folder
/// (<c>Followthrough:DataFolder</c>, default <c>./data</c> under the current directory).
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ConfigurationKey = "Followthrough:Database";
    public const string DataFolderKey = "Followthrough:DataFolder";

    public bool IsEmbeddedDefault { get; init; }

    public static DatabaseSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Parse(configuration[ConfigurationKey], DataFolder(configuration));
    }

    /// <summary>Where files live: the embedded database, data-protection keys, evidence files.</summary>
    public static string DataFolder(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Path.GetFullPath(configuration[DataFolderKey] is { Length: > 0 } folder ? folder : "data");
    }

    public static DatabaseSettings Parse(string? value, string dataFolder = "data")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Sqlite(Path.Combine(dataFolder, "followthrough.db")) with { IsEmbeddedDefault = true };
        }

        var text = value.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new DatabaseSettings(DatabaseProvider.PostgreSql, FromUrl(new Uri(text)));
        }

        if (text.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            return new DatabaseSettings(DatabaseProvider.PostgreSql, text);
        }

        return text.Contains("Data Source=", StringComparison.OrdinalIgnoreCase)
            ? new DatabaseSettings(DatabaseProvider.Sqlite, text)
            : Sqlite(text);
    }

    /// <summary>The SQLite file, when this is SQLite; null otherwise.</summary>
    public string? SqliteFile => Provider == DatabaseProvider.Sqlite
        ? new SqliteConnectionStringBuilder(ConnectionString).DataSource
        : null;

    /// <summary>A description safe to print: no password.</summary>
    public string Describe() => Provider == DatabaseProvider.Sqlite
        ? $"SQLite {Path.GetFullPath(SqliteFile!)}"
        : $"PostgreSQL {new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }.ConnectionString}";

    private static DatabaseSettings Sqlite(string path)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 };
        return new DatabaseSettings(DatabaseProvider.Sqlite, builder.ConnectionString);
    }

    private static string FromUrl(Uri url)
    {
        var userInfo = url.UserInfo.Split(':', 2);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder
        {
            Host = url.Host,
            Port = url.IsDefaultPort || url.Port <= 0 ? 5432 : url.Port,
            Database = url.AbsolutePath.Trim('/'),
            Username = Uri.UnescapeDataString(userInfo[0]),
        };
        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        return builder.ConnectionString;
    }
}
