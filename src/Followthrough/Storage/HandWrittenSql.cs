using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Followthrough.Storage;

/// <summary>
/// The one way to send SQL written by hand (set-based reads and writes EF Core would make slow, bulk inserts, locks),
/// the same on SQLite and PostgreSQL. On the context: <see cref="QueryAsync"/>, <see cref="ExecuteAsync"/>, and for a
/// statement rebound many times <see cref="CreateCommand"/>; bulk rows with <see cref="InsertAsync"/> and
/// <see cref="CopyAsync"/>; the tiny reads every request makes, outside any transaction, through
/// <see cref="RequestReads"/>. The SQL text is always our own; every value goes as a parameter, never spliced in.
/// Code outside Storage sends SQL only through here (tests/Followthrough.Tests/Architecture/HandWrittenSqlTests).
/// </summary>
/// <remarks>
/// EF Core's compiled LINQ queries (<see cref="CompiledPerModel{TQuery}"/>) are not hand-written SQL: EF Core writes
/// that SQL, and the cache only keeps its compiled form per model.
/// </remarks>
public static partial class HandWrittenSql
{
    /// <summary>A command on the context's connection, enlisted in its current transaction (if any). The caller opens
    /// the connection (or holds a transaction) and disposes the command. The SQL is always our own text; every value
    /// goes as a parameter (<see cref="AddParameter"/>).</summary>
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

    /// <summary>Runs a statement that reads nothing back and returns the rows it changed; opens the connection for it
    /// if the caller has not.</summary>
    public static async Task<int> ExecuteAsync(
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

            return await command.ExecuteNonQueryAsync(cancellationToken);
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
