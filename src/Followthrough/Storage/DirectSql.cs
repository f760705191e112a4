using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Followthrough.Storage;

/// <summary>
/// A small read that runs on every request (the API token, the inbox's revision): sent on a pooled connection of its
/// own, outside any transaction, without EF Core, whose context set-up and query pipeline cost more than such a read
/// itself. The SQL must be the same on SQLite and PostgreSQL; values are always parameters.
/// </summary>
public sealed class DirectSql(DatabaseSettings settings)
{
    public async Task<T> ReadAsync<T>(
        string sql, IReadOnlyList<(string Name, object Value)> parameters,
        Func<DbDataReader, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(read);
        await using DbConnection connection = settings.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(settings.ConnectionString)
            : new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await read(reader, cancellationToken);
    }
}
