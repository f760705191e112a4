using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Followthrough.Storage;

public static partial class HandWrittenSql
{
    /// <summary>The SQLite path on a bare connection (the test that compares it with Microsoft.Data.Sqlite's parameters uses it).</summary>
    internal static void InsertSqliteRows(SqliteConnection connection, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows) =>
        SqliteRows.Insert(connection, table, columns, rows);

    /// <summary>
    /// Bulk inserts on SQLite (<see cref="InsertAsync"/> and <see cref="CopyAsync"/> there), driving one prepared
    /// multi-row statement through the connection's native handle (inside the transaction the connection already has
    /// open). Measured on a 100,000-row plan import, the ADO.NET path spent most of its time around SQLite rather than in it: Microsoft.Data.Sqlite binds every parameter by name (a linear
    /// scan of the statement's names, per value, per execution) and allocates a converted copy of each value. Here values
    /// are bound by position and formatted on the stack. They are stored exactly as Microsoft.Data.Sqlite stores them
    /// (integers as integers; decimals, times and dates as its text forms), so EF reads them back the same; a test
    /// compares the two paths value by value.
    /// </summary>
    private static class SqliteRows
    {
        /// <summary>Rows per statement: enough to spread the per-statement cost, small enough to stay well under SQLite's parameter limit.</summary>
        private const int MaxParameters = 500;
        private const int MaxRowsPerStatement = 50;

        /// <summary>The text forms Microsoft.Data.Sqlite writes (its SqliteValueBinder), kept here so both paths store the same text.</summary>
        public const string DecimalFormat = "0.0###########################";
        public const string DateTimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";
        public const string DateOnlyFormat = @"yyyy\-MM\-dd";

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void Insert(SqliteConnection connection, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows)
        {
            ArgumentNullException.ThrowIfNull(connection);
            ArgumentNullException.ThrowIfNull(columns);
            ArgumentNullException.ThrowIfNull(rows);
            if (rows.Count == 0)
            {
                return;
            }

            var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
            var perStatement = Math.Max(1, Math.Min(MaxRowsPerStatement, MaxParameters / columns.Count));
            sqlite3_stmt? full = null;
            try
            {
                for (var start = 0; start < rows.Count; start += perStatement)
                {
                    var count = Math.Min(perStatement, rows.Count - start);
                    var statement = count == perStatement ? full ??= Prepare(handle, table, columns, count) : Prepare(handle, table, columns, count);
                    try
                    {
                        var index = 1;
                        for (var r = 0; r < count; r++)
                        {
                            var row = rows[start + r];
                            for (var c = 0; c < columns.Count; c++)
                            {
                                Check(handle, Bind(statement, index++, row[c]));
                            }
                        }

                        var done = raw.sqlite3_step(statement);
                        if (done != raw.SQLITE_DONE)
                        {
                            SqliteException.ThrowExceptionForRC(done, handle);
                            throw new InvalidOperationException($"Inserting into {table} returned SQLite code {done}.");
                        }
                    }
                    finally
                    {
                        if (statement == full)
                        {
                            raw.sqlite3_reset(statement);
                        }
                        else
                        {
                            statement.Dispose();
                        }
                    }
                }
            }
            finally
            {
                full?.Dispose();
            }
        }

        private static sqlite3_stmt Prepare(sqlite3 handle, string table, IReadOnlyList<string> columns, int rows)
        {
            var sql = new StringBuilder(64 + (rows * columns.Count * 6));
            sql.Append("INSERT INTO ").Append(table).Append(" (").AppendJoin(", ", columns).Append(") VALUES ");
            var number = 1;
            for (var r = 0; r < rows; r++)
            {
                sql.Append(r == 0 ? "(" : ",(");
                for (var c = 0; c < columns.Count; c++)
                {
                    sql.Append(c == 0 ? "?" : ",?").Append(number++.ToString(CultureInfo.InvariantCulture));
                }

                sql.Append(')');
            }

            Check(handle, raw.sqlite3_prepare_v2(handle, sql.ToString(), out var statement));
            return statement;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static int Bind(sqlite3_stmt statement, int index, object? value)
        {
            Span<char> text = stackalloc char[64];
            int written;
            switch (value)
            {
                case null or DBNull:
                    return raw.sqlite3_bind_null(statement, index);
                case string s:
                    return raw.sqlite3_bind_text16(statement, index, s.AsSpan());
                case int i:
                    return raw.sqlite3_bind_int64(statement, index, i);
                case long l:
                    return raw.sqlite3_bind_int64(statement, index, l);
                case short s:
                    return raw.sqlite3_bind_int64(statement, index, s);
                case byte b:
                    return raw.sqlite3_bind_int64(statement, index, b);
                case bool flag:
                    return raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0);
                case double d when !double.IsNaN(d):
                    return raw.sqlite3_bind_double(statement, index, d);
                case decimal m when m.TryFormat(text, out written, DecimalFormat, CultureInfo.InvariantCulture):
                    return raw.sqlite3_bind_text16(statement, index, text[..written]);
                case DateTime t when t.TryFormat(text, out written, DateTimeFormat, CultureInfo.InvariantCulture):
                    return raw.sqlite3_bind_text16(statement, index, text[..written]);
                case DateOnly day when day.TryFormat(text, out written, DateOnlyFormat, CultureInfo.InvariantCulture):
                    return raw.sqlite3_bind_text16(statement, index, text[..written]);
                case byte[] bytes:
                    return raw.sqlite3_bind_blob(statement, index, bytes);
                default:
                    throw new NotSupportedException($"Bulk inserts do not write values of type {value.GetType().Name}.");
            }
        }

        private static void Check(sqlite3 handle, int code)
        {
            if (code != raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(code, handle);
            }
        }
    }
}
