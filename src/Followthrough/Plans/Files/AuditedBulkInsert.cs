using System.Globalization;
using System.Runtime.CompilerServices;
using Followthrough.Audit;
using Followthrough.Storage;

namespace Followthrough.Plans.Files;

/// <summary>
/// Inserts an import's new rows in batches, outside the change tracker, and appends one audit entry per row to the
/// same hash chain, so the trail stays complete row by row even though the normal save does not see these rows.
/// </summary>
internal static class AuditedBulkInsert
{
    /// <summary>
    /// Inserts rows in batches and appends one audit entry per row. The entries' JSON is prepared on another thread
    /// while the database takes the rows (the chain itself is then hashed in order, inside the transaction).
    /// </summary>
    public static async Task InsertAsync(
        FollowthroughDb db, string table, string[] columns, List<object?[]> rows, string comment, CancellationToken cancellationToken, params int[] keyColumns)
    {
        var records = Task.Run(() => Records(table, columns, rows, keyColumns), cancellationToken);
        await HandWrittenSql.InsertAsync(db, table, columns, rows, cancellationToken);
        await AuditBulk.AppendAsync(db, PlanImporter.Action, comment, await records, cancellationToken);
    }

    /// <summary>The audit records of bulk-inserted rows: every column, keyed like the recorder keys (key parts joined by '/').</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<BulkAuditRecord> Records(string table, string[] columns, List<object?[]> rows, int[] keyColumns)
    {
        var order = new AuditColumnOrder(columns);
        var records = new List<BulkAuditRecord>(rows.Count);
        foreach (var row in rows)
        {
            var key = keyColumns.Length == 1
                ? Convert.ToString(row[keyColumns[0]], CultureInfo.InvariantCulture)!
                : string.Join('/', keyColumns.Select(k => Convert.ToString(row[k], CultureInfo.InvariantCulture)));
            records.Add(BulkAuditRecord.From(table, key, order, row));
        }

        return records;
    }
}
