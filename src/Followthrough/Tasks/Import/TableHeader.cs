namespace Followthrough.Tasks;

/// <summary>
/// The header row of a decomposition table (the first row with any text): which column holds what, with the header
/// text people wrote, so problems are reported under the names they know.
/// </summary>
internal sealed record TableHeader(int Index, Dictionary<ImportColumn, (int Index, string Header)> Columns)
{
    private static readonly ImportColumn[] Required = [ImportColumn.Task, ImportColumn.LeadUnit, ImportColumn.Deadline];

    /// <summary>The header, or null when the table is empty; unknown columns are warnings, doubled or missing ones errors.</summary>
    public static TableHeader? Find(IReadOnlyList<IReadOnlyList<string>> table, List<ImportProblem> errors, List<ImportProblem> warnings)
    {
        var headerRow = table.Select((cells, i) => (cells, i)).FirstOrDefault(r => r.cells.Any(c => !string.IsNullOrWhiteSpace(c)));
        if (headerRow.cells is null)
        {
            return null;
        }

        var columns = new Dictionary<ImportColumn, (int Index, string Header)>();
        for (var c = 0; c < headerRow.cells.Count; c++)
        {
            var header = headerRow.cells[c].Trim();
            if (header.Length == 0)
            {
                continue;
            }

            if (ImportColumns.Match(header) is not { } column)
            {
                warnings.Add(new ImportProblem(headerRow.i + 1, header, "Unknown column; it is ignored."));
            }
            else if (!columns.TryAdd(column, (c, header)))
            {
                errors.Add(new ImportProblem(headerRow.i + 1, header, $"A second column for {column}."));
            }
        }

        foreach (var required in Required)
        {
            if (!columns.ContainsKey(required))
            {
                errors.Add(new ImportProblem(headerRow.i + 1, null, $"The table has no {Describe(required)} column."));
            }
        }

        return new TableHeader(headerRow.i, columns);
    }

    private static string Describe(ImportColumn column) => column switch
    {
        ImportColumn.Task => "task (任务内容)",
        ImportColumn.LeadUnit => "lead unit (牵头单位)",
        ImportColumn.Deadline => "deadline (完成时限)",
        _ => column.ToString(),
    };
}
