namespace Followthrough.Plans.Files;

/// <summary>A sheet of the file matched to its layout: where each known column is, and the data rows.</summary>
internal sealed record MappedSheet(FileSheet Layout, string Name, IReadOnlyDictionary<string, int> Columns, IReadOnlyDictionary<string, string> Headers, IReadOnlyList<SheetRow> Rows)
{
    /// <summary>The trimmed text of a cell; empty when the sheet has no such column.</summary>
    public string Cell(SheetRow row, string column) =>
        Columns.TryGetValue(column, out var index) ? row[index].Trim() : string.Empty;

    /// <summary>Finds the sheets of the file by their English or Chinese names and maps their headers.</summary>
    public static (Dictionary<FileSheet, MappedSheet> Sheets, List<ImportProblem> Problems) MapFile(IEnumerable<SheetTable> tables)
    {
        var sheets = new Dictionary<FileSheet, MappedSheet>();
        var problems = new List<ImportProblem>();
        foreach (var table in tables)
        {
            if (PlanFileLayout.IsInstructions(table.Name))
            {
                continue;
            }

            var layout = PlanFileLayout.SheetNamed(table.Name);
            if (layout is null)
            {
                problems.Add(new(table.Name, 0, string.Empty,
                    $"'{table.Name}' is not a sheet of a plan file (expected {string.Join(", ", PlanFileLayout.Sheets.Select(s => $"{s.English}/{s.Chinese}"))})."));
                continue;
            }

            if (sheets.ContainsKey(layout))
            {
                problems.Add(new(table.Name, 0, string.Empty, $"The file has more than one {layout.English} sheet."));
                continue;
            }

            sheets[layout] = Map(table, layout, problems);
        }

        if (!sheets.ContainsKey(PlanFileLayout.Plan))
        {
            problems.Add(new(PlanFileLayout.Plan.English, 0, string.Empty, "The file has no Plan (规划) sheet; it says which plan the file is for."));
        }

        return (sheets, problems);
    }

    private static MappedSheet Map(SheetTable table, FileSheet layout, List<ImportProblem> problems)
    {
        var rows = table.Rows.Where(r => !r.IsBlank).ToList();
        if (rows.Count == 0)
        {
            return new MappedSheet(layout, table.Name, new Dictionary<string, int>(), new Dictionary<string, string>(), []);
        }

        var header = rows[0];
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var text = header.Cells[i].Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var column = PlanFileLayout.ColumnNamed(layout, text);
            if (column is null)
            {
                problems.Add(new(table.Name, header.Number, text, $"'{text}' is not a column of the {layout.English} sheet."));
            }
            else if (!columns.TryAdd(column.Key, i))
            {
                problems.Add(new(table.Name, header.Number, text, $"The column {column.Key} appears more than once."));
            }
            else
            {
                headers[column.Key] = text;
            }
        }

        foreach (var missing in layout.Columns.Where(c => c.Required && !columns.ContainsKey(c.Key)))
        {
            problems.Add(new(table.Name, header.Number, missing.Key, $"The required column {missing.Key} ({missing.Chinese}) is missing."));
        }

        return new MappedSheet(layout, table.Name, columns, headers, rows.Skip(1).ToList());
    }
}
