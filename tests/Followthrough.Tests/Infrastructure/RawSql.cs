using System.Data.Common;
using System.Globalization;
using Followthrough.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Followthrough.Tests.Infrastructure;

/// <summary>Plain SQL on a test database, past the product's code: what a DBA (or an intruder) with a console can do.</summary>
public static class RawSql
{
    public static async Task ExecuteAsync(DatabaseSettings settings, string sql)
    {
        await using var connection = Open(settings);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<long> ScalarAsync(DatabaseSettings settings, string sql)
    {
        await using var connection = Open(settings);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static DbConnection Open(DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(settings.ConnectionString)
            : new NpgsqlConnection(settings.ConnectionString);
    }
}
