using Followthrough.Storage;
using NpgsqlTypes;

namespace Followthrough.Demo;

/// <summary>
/// The rows of one batch of generated tasks, as values in the order of the tables' columns, and how they go in:
/// binary COPY on PostgreSQL, one directly driven multi-row statement on SQLite (<see cref="HandWrittenSql.CopyAsync"/>).
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

    private static Task WriteAsync(FollowthroughDb db, string table, Column[] columns, List<object?[]> rows, CancellationToken cancellationToken) =>
        HandWrittenSql.CopyAsync(db, table, [.. columns.Select(c => c.Name)], [.. columns.Select(c => c.PostgreSqlType)], rows, cancellationToken);

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
