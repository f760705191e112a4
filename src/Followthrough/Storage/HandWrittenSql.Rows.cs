using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Followthrough.Storage;

public static partial class HandWrittenSql
{
    /// <summary>
    /// Parameters per statement on PostgreSQL: Npgsql binds by position and gains from fewer round trips, well under
    /// its limit of 65,535. (SQLite goes through <see cref="SqliteRows"/> instead.)
    /// </summary>
    private const int PostgreSqlParameters = 30_000;
    private const int MaxRowsPerStatement = 500;

    /// <summary>
    /// Inserts rows with multi-row INSERT statements (the same SQL on SQLite and PostgreSQL), on the context's own
    /// connection and inside its current transaction. On PostgreSQL one command is reused for every full batch; on
    /// SQLite the statement is driven directly (see <see cref="SqliteRows"/>). Callers that keep an audit trail write
    /// the matching entries themselves (see Audit.AuditBulk).
    /// </summary>
    public static async Task InsertAsync(FollowthroughDb db, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var transaction = RequireTransaction(db, "Bulk inserts run inside a transaction.");
        var connection = db.Database.GetDbConnection();
        if (connection is SqliteConnection sqlite)
        {
            SqliteRows.Insert(sqlite, table, columns, rows);
            return;
        }

        var perStatement = Math.Max(1, Math.Min(MaxRowsPerStatement, PostgreSqlParameters / columns.Count));
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - start);
                DbCommand command;
                if (count == perStatement)
                {
                    full ??= Create(connection, transaction, table, columns, count);
                    command = full;
                }
                else
                {
                    command = Create(connection, transaction, table, columns, count);
                }

                var parameters = command.Parameters;
                for (var r = 0; r < count; r++)
                {
                    var row = rows[start + r];
                    for (var c = 0; c < columns.Count; c++)
                    {
                        parameters[(r * columns.Count) + c].Value = row[c] ?? DBNull.Value;
                    }
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
                if (command != full)
                {
                    await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Inserts a great many rows (millions, as the synthetic data generator writes) inside the context's current
    /// transaction: binary COPY on PostgreSQL, each column sent as <paramref name="postgreSqlTypes"/> says; on SQLite
    /// the same directly driven statement as <see cref="InsertAsync"/>.
    /// </summary>
    public static async Task CopyAsync(
        FollowthroughDb db, string table, IReadOnlyList<string> columns, IReadOnlyList<NpgsqlDbType> postgreSqlTypes, IReadOnlyList<object?[]> rows,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(postgreSqlTypes);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        if (db.Database.GetDbConnection() is not NpgsqlConnection npgsql)
        {
            await InsertAsync(db, table, columns, rows, cancellationToken);
            return;
        }

        RequireTransaction(db, "Bulk inserts run inside a transaction.");
        await using var import = await npgsql.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await import.StartRowAsync(cancellationToken);
            for (var c = 0; c < columns.Count; c++)
            {
                if (row[c] is null)
                {
                    await import.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await import.WriteAsync(row[c], postgreSqlTypes[c], cancellationToken);
                }
            }
        }

        await import.CompleteAsync(cancellationToken);
    }

    /// <summary>
    /// Reserves <paramref name="count"/> new ids of a table's generated key, for rows inserted with explicit ids (so
    /// children can point at parents before either is written). On SQLite the caller must already hold the write lock
    /// (any write in the transaction takes it); PostgreSQL draws them from the identity's sequence.
    /// </summary>
    public static async Task<IReadOnlyList<long>> ReserveIdsAsync(FollowthroughDb db, string table, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (count == 0)
        {
            return [];
        }

        RequireTransaction(db, "Ids are reserved inside the transaction that uses them.");
        var ids = new List<long>(count);
        if (db.Database.IsSqlite())
        {
            // AUTOINCREMENT never reuses an id, even of a deleted row: start past both the sequence and the largest id.
            await using var command = db.CreateCommand(
                $"SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = @table), 0), COALESCE((SELECT MAX(id) FROM {table}), 0))");
            command.AddParameter("@table", table);
            var last = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            for (var i = 1; i <= count; i++)
            {
                ids.Add(last + i);
            }

            return ids;
        }

        await using (var command = db.CreateCommand("SELECT nextval(pg_get_serial_sequence(@table, 'id')) FROM generate_series(1, @count)"))
        {
            command.AddParameter("@table", table);
            command.AddParameter("@count", count);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        return ids;
    }

    private static DbTransaction RequireTransaction(FollowthroughDb db, string message) =>
        db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException(message);

    private static DbCommand Create(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder(64 + (rows * columns.Count * 8));
        sql.Append("INSERT INTO ").Append(table).Append(" (").AppendJoin(", ", columns).Append(") VALUES ");
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ",(");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{(r * columns.Count) + c}");
                sql.Append(c == 0 ? name : "," + name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = DBNull.Value;
                command.Parameters.Add(parameter);
            }

            sql.Append(')');
        }

#pragma warning disable CA2100 // Table and column names come from our own code; every value is a parameter.
        command.CommandText = sql.ToString();
#pragma warning restore CA2100
        return command;
    }
}
