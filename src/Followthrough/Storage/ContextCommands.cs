using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Followthrough.Storage;

/// <summary>
/// The few commands written in plain ADO.NET (set-based reads and bulk writes EF Core would make slow), run on the
/// context's own connection and inside its current transaction, the same way on SQLite and PostgreSQL.
/// </summary>
public static class ContextCommands
{
    /// <summary>A command on the context's connection, enlisted in its current transaction (if any). The SQL is always
    /// our own text; every value goes as a parameter.</summary>
    public static DbCommand CreateCommand(this FollowthroughDb db, string sql)
    {
        ArgumentNullException.ThrowIfNull(db);
        var command = db.Database.GetDbConnection().CreateCommand();
#pragma warning disable CA2100 // Callers pass their own SQL text; values are parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    /// <summary>Adds a parameter named as in the SQL (e.g. <c>@version</c>); null is sent as SQL NULL.</summary>
    public static DbParameter AddParameter(this DbCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Runs a query and reads every row; opens the connection for it if the caller has not.</summary>
    public static async Task<List<T>> QueryAsync<T>(
        this FollowthroughDb db, string sql, IEnumerable<(string Name, object? Value)> parameters, Func<DbDataReader, T> read,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(read);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.CreateCommand(sql);
            foreach (var (name, value) in parameters)
            {
                command.AddParameter(name, value);
            }

            var rows = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }

            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Runs a statement that reads nothing back; opens the connection for it if the caller has not.</summary>
    public static async Task ExecuteAsync(
        this FollowthroughDb db, string sql, IEnumerable<(string Name, object? Value)> parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(parameters);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.CreateCommand(sql);
            foreach (var (name, value) in parameters)
            {
                command.AddParameter(name, value);
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A date column that may be null (both databases give <see cref="DateOnly"/> back).</summary>
    public static DateOnly? GetDayOrNull(this DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateOnly>(ordinal);
    }
}
