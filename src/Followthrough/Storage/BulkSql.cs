using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Followthrough.Storage;

/// <summary>
/// Batched inserts for large imports, on the context's own connection and transaction: multi-row INSERT statements
/// (the same SQL on SQLite and PostgreSQL). On PostgreSQL one command is reused for every full batch; on SQLite the
/// statement is driven directly (see <see cref="SqliteRows"/>). Values are parameters, never spliced into the SQL.
/// Callers write the matching audit entries themselves (see Audit.AuditBulk).
/// </summary>
public static class BulkSql
{
    /// <summary>
    /// Parameters per statement on PostgreSQL: Npgsql binds by position and gains from fewer round trips, well under
    /// its limit of 65,535. (SQLite goes through <see cref="SqliteRows"/> instead.)
    /// </summary>
    private const int PostgreSqlParameters = 30_000;
    private const int MaxRowsPerStatement = 500;

    public static async Task InsertAsync(FollowthroughDb db, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside a transaction.");
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

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Ids are reserved inside the transaction that uses them.");
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        var ids = new List<long>(count);
        if (db.Database.IsSqlite())
        {
            // AUTOINCREMENT never reuses an id, even of a deleted row: start past both the sequence and the largest id.
#pragma warning disable CA2100 // The table name comes from our own code, never from input.
            command.CommandText = $"SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{table}'), 0), COALESCE((SELECT MAX(id) FROM {table}), 0))";
            var last = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            for (var i = 1; i <= count; i++)
            {
                ids.Add(last + i);
            }

            return ids;
        }

        command.CommandText = $"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, {count.ToString(CultureInfo.InvariantCulture)})";
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

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
