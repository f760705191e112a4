using System.Globalization;
using Followthrough.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Followthrough.Demo;

/// <summary>
/// The rows of one batch of generated tasks, as values in the order of the tables' columns, and how they go in:
/// binary COPY on PostgreSQL, one prepared statement rebound per row on SQLite.
/// </summary>
internal sealed class GeneratedBatch
{
    private static readonly Column[] TaskColumns =
    [
        new("id", Kind.Int), new("code", Kind.Text), new("title", Kind.Text), new("description", Kind.Text), new("origin_kind", Kind.Text),
        new("lead_unit_id", Kind.Int), new("supervision_level", Kind.Text), new("deadline_kind", Kind.Text), new("deadline", Kind.Date),
        new("deadline_provisional", Kind.Bool), new("next_due", Kind.Date), new("reporting_cadence", Kind.Text), new("next_report_due", Kind.Date),
        new("state", Kind.Text), new("assigned_on", Kind.Date), new("sign_for_by", Kind.Date), new("signed_on", Kind.Date),
        new("completion_claimed_on", Kind.Date), new("closed_on", Kind.Date), new("percent", Kind.Int), new("last_report_on", Kind.Date),
        new("needs_rework", Kind.Bool), new("extension_pending", Kind.Bool), new("version", Kind.Int), new("created_at", Kind.Time), new("updated_at", Kind.Time),
    ];

    private static readonly Column[] NodeColumns = [new("task_id", Kind.Int), new("title", Kind.Text), new("due_on", Kind.Date), new("reached_on", Kind.Date)];

    private static readonly Column[] PartnerColumns = [new("task_id", Kind.Int), new("unit_id", Kind.Int), new("part", Kind.Text)];

    private static readonly Column[] ReportColumns =
    [
        new("task_id", Kind.Int), new("reported_on", Kind.Date), new("reported_at", Kind.Time), new("reported_by_name", Kind.Text), new("percent", Kind.Int),
        new("done", Kind.Text), new("next_steps", Kind.Text), new("claims_completion", Kind.Bool),
    ];

    public List<object?[]> Tasks { get; } = [];

    public List<object?[]> Nodes { get; } = [];

    public List<object?[]> Partners { get; } = [];

    public List<object?[]> Reports { get; } = [];

    public void Clear()
    {
        Tasks.Clear();
        Nodes.Clear();
        Partners.Clear();
        Reports.Clear();
    }

    /// <summary>Writes the batch in the current transaction: tasks first, then the rows that refer to them.</summary>
    public async Task WriteAsync(FollowthroughDb db, CancellationToken cancellationToken)
    {
        await WriteAsync(db, "tasks", TaskColumns, Tasks, cancellationToken);
        await WriteAsync(db, "task_time_nodes", NodeColumns, Nodes, cancellationToken);
        await WriteAsync(db, "task_partners", PartnerColumns, Partners, cancellationToken);
        await WriteAsync(db, "progress_reports", ReportColumns, Reports, cancellationToken);
    }

    private static async Task WriteAsync(FollowthroughDb db, string table, Column[] columns, List<object?[]> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var connection = db.Database.GetDbConnection();
        var names = string.Join(", ", columns.Select(c => c.Name));
        if (connection is NpgsqlConnection npgsql)
        {
            await using var import = await npgsql.BeginBinaryImportAsync($"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var row in rows)
            {
                await import.StartRowAsync(cancellationToken);
                for (var c = 0; c < columns.Length; c++)
                {
                    if (row[c] is null)
                    {
                        await import.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await import.WriteAsync(row[c], columns[c].PostgreSqlType, cancellationToken);
                    }
                }
            }

            await import.CompleteAsync(cancellationToken);
            return;
        }

        // SQLite: one compiled statement, rebound per row, is the fastest way in (no SQL parsing per row).
        await using var command = (SqliteCommand)connection.CreateCommand();
        command.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO {table} ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null))).ToArray();
        command.Prepare();
        foreach (var row in rows)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                parameters[c].Value = row[c] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private enum Kind
    {
        Int,
        Text,
        Date,
        Time,
        Bool,
    }

    private sealed record Column(string Name, Kind Kind)
    {
        public NpgsqlDbType PostgreSqlType => Kind switch
        {
            Kind.Int => NpgsqlDbType.Integer,
            Kind.Text => NpgsqlDbType.Text,
            Kind.Date => NpgsqlDbType.Date,
            Kind.Time => NpgsqlDbType.TimestampTz,
            _ => NpgsqlDbType.Boolean,
        };
    }
}
