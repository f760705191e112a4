using Followthrough.Storage;
using Microsoft.Data.Sqlite;

namespace Followthrough.Tests.Storage;

/// <summary>The bulk writer for SQLite must store every value exactly as Microsoft.Data.Sqlite's parameters store it.</summary>
public sealed class SqliteRowsTests
{
    private static readonly string[] Columns = ["a_int", "a_long", "a_text", "a_null", "a_bool", "a_decimal", "a_time", "a_day", "a_double"];

    private static object?[] Row(int n) =>
    [
        n, 5_000_000_000L + n, n % 5 == 0 ? string.Empty : $"条目 “{n}” <b>&'", null, n % 2 == 0,
        new[] { 3.150m, 0m, -12.5m, 52m, 1234567.891m, 0.0001m, 79228162514264337593543950335m }[n % 7],
        new DateTime(2026, 11, 22, 13, 48, 43, DateTimeKind.Utc).AddTicks(n * 1_234_567L), new DateOnly(2026, 1, 1).AddDays(n), n / 3.0,
    ];

    [Fact]
    public void Insert_ManyRows_StoresWhatParametersStore()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        foreach (var table in new[] { "by_parameters", "by_rows" })
        {
            using var create = connection.CreateCommand();
            create.CommandText = $"CREATE TABLE {table} (id INTEGER PRIMARY KEY, {string.Join(", ", Columns)})";
            create.ExecuteNonQuery();
        }

        // 123 rows: two full statements of 50 (at 9 columns) and a shorter last one.
        var rows = Enumerable.Range(0, 123).Select(Row).ToList();
        using (var transaction = connection.BeginTransaction())
        {
            foreach (var row in rows)
            {
                using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = $"INSERT INTO by_parameters ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "@" + c))})";
                for (var c = 0; c < Columns.Length; c++)
                {
                    insert.Parameters.AddWithValue("@" + Columns[c], row[c] ?? DBNull.Value);
                }

                insert.ExecuteNonQuery();
            }

            HandWrittenSql.InsertSqliteRows(connection, "by_rows", Columns, rows);
            transaction.Commit();
        }

        var expected = Read(connection, "by_parameters");
        Assert.Equal(123, expected.Count);
        Assert.Equal(expected, Read(connection, "by_rows"));
    }

    [Fact]
    public void Insert_BrokenConstraint_ThrowsSqliteException()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (code TEXT NOT NULL UNIQUE)";
            create.ExecuteNonQuery();
        }

        var error = Assert.Throws<SqliteException>(() => HandWrittenSql.InsertSqliteRows(connection, "t", ["code"], [["A"], ["B"], ["A"]]));
        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
    }

    private static List<string> Read(SqliteConnection connection, string table)
    {
        using var select = connection.CreateCommand();
        select.CommandText = $"SELECT {string.Join(", ", Columns.Select(c => $"typeof({c}) || ':' || quote({c})"))} FROM {table} ORDER BY id";
        using var reader = select.ExecuteReader();
        var result = new List<string>();
        while (reader.Read())
        {
            result.Add(string.Join(" | ", Enumerable.Range(0, Columns.Length).Select(reader.GetString)));
        }

        return result;
    }
}
