using System.Globalization;
using Followthrough.Storage.Files;
using static Followthrough.Services.Catalogue.CatalogueFileLayout;

namespace Followthrough.Services.Catalogue;

/// <summary>Reads a catalogue workbook into item inputs, reporting every cell that cannot be read (sheet, row, column).</summary>
internal sealed class CatalogueFileReader(IReadOnlyDictionary<string, int> unitIds)
{
    public List<CatalogueFileProblem> Problems { get; } = [];

    /// <summary>Each item row: its row number, the input, whether the file marks it withdrawn, and the fields already reported.</summary>
    public List<FileRow> Read(IReadOnlyList<TableSheet> sheets)
    {
        var items = sheets.FirstOrDefault(s => s.Name.Equals(ItemsSheet, StringComparison.OrdinalIgnoreCase));
        if (items is null)
        {
            Problems.Add(new(ItemsSheet, 0, string.Empty, $"The workbook has no sheet named {ItemsSheet}."));
            return [];
        }

        var materials = sheets.FirstOrDefault(s => s.Name.Equals(MaterialsSheet, StringComparison.OrdinalIgnoreCase));
        var rows = ReadItems(items);
        if (materials is not null)
        {
            ReadMaterials(materials, rows);
        }

        if (sheets.FirstOrDefault(s => s.Name.Equals(CatalogueFieldsSheet.Name, StringComparison.OrdinalIgnoreCase)) is { } fields
            && Columns(fields, CatalogueFieldsSheet.Columns, required: CatalogueFieldsSheet.RequiredColumns) is { } columns)
        {
            CatalogueFieldsSheet.Read(fields, columns, rows, Problems); // without the sheet every item keeps its form
        }

        if (sheets.FirstOrDefault(s => s.Name.Equals(CatalogueReviewStepsSheet.Name, StringComparison.OrdinalIgnoreCase)) is { } steps
            && Columns(steps, CatalogueReviewStepsSheet.Columns, required: CatalogueReviewStepsSheet.Columns) is { } stepColumns)
        {
            CatalogueReviewStepsSheet.Read(steps, stepColumns, rows, Problems); // without the sheet every item keeps its steps
        }

        return rows;
    }

    private List<FileRow> ReadItems(TableSheet sheet)
    {
        var rows = new List<FileRow>();
        if (Columns(sheet, ItemColumns, required: [Code, NameZh, NameEn, UnitCode, Kind, Level, StatutoryDays, CommittedDays, Visits]) is not { } columns)
        {
            return rows;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in sheet.Rows.Skip(1).Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))))
        {
            var reported = new HashSet<string>(StringComparer.Ordinal);
            string Cell(string column) => columns.TryGetValue(column, out var i) && i < row.Cells.Count ? SpreadsheetWriter.Restore(row.Cells[i].Trim()) : string.Empty;

            int? Whole(string column)
            {
                var text = Cell(column);
                if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                {
                    return n;
                }

                Add(ItemsSheet, row.Number, column, text.Length == 0 ? "A whole number is required." : $"\"{text}\" is not a whole number.", reported);
                return null;
            }

            var code = Cell(Code);
            if (code.Length > 0 && !seen.TryAdd(code, row.Number))
            {
                Add(ItemsSheet, row.Number, Code, $"The code {code} is also on row {seen[code]}.", reported);
            }

            int? unitId = null;
            var unitCode = Cell(UnitCode);
            if (unitIds.TryGetValue(unitCode.ToUpperInvariant(), out var id))
            {
                unitId = id;
            }
            else
            {
                Add(ItemsSheet, row.Number, UnitCode, unitCode.Length == 0 ? "The unit's code is required." : $"There is no active unit with the code {unitCode}.", reported);
            }

            decimal? fee = 0m;
            var feeText = Cell(Fee);
            if (feeText.Length > 0)
            {
                fee = decimal.TryParse(feeText, NumberStyles.Number, CultureInfo.InvariantCulture, out var f) ? f : null;
                if (fee is null)
                {
                    Add(ItemsSheet, row.Number, Fee, $"\"{feeText}\" is not an amount in yuan.", reported);
                }
            }

            var auto = Flag(Cell(AutoDecidable), ItemsSheet, row.Number, AutoDecidable, reported);
            var withdrawn = Flag(Cell(Withdrawn), ItemsSheet, row.Number, Withdrawn, reported);
            var input = new ServiceItemInput(
                code, Cell(NameZh), Cell(NameEn), unitId, Cell(Kind), Cell(LegalBasis), Whole(StatutoryDays), Whole(CommittedDays), Cell(Level),
                Whole(Visits), [], fee, Cell(LifeEvents).Split([';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), auto ?? false);
            rows.Add(new FileRow(row.Number, input, withdrawn ?? false, reported, []));
        }

        return rows;
    }

    private void ReadMaterials(TableSheet sheet, List<FileRow> items)
    {
        if (Columns(sheet, MaterialColumns, required: [ItemCode, NameZh, NameEn, Format]) is not { } columns)
        {
            return;
        }

        var byCode = items.Where(i => !string.IsNullOrEmpty(i.Input.Code)).GroupBy(i => i.Input.Code!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var row in sheet.Rows.Skip(1).Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))))
        {
            string Cell(string column) => columns.TryGetValue(column, out var i) && i < row.Cells.Count ? SpreadsheetWriter.Restore(row.Cells[i].Trim()) : string.Empty;
            var code = Cell(ItemCode);
            if (!byCode.TryGetValue(code, out var item))
            {
                Problems.Add(new(MaterialsSheet, row.Number, ItemCode, code.Length == 0 ? "The item's code is required." : $"No row of the {ItemsSheet} sheet has the code {code}."));
                continue;
            }

            var licence = Flag(Cell(ElectronicLicence), MaterialsSheet, row.Number, ElectronicLicence, []);
            item.Materials.Add((row.Number, new MaterialInput(Cell(NameZh), Cell(NameEn), Cell(Format), licence ?? false)));
        }
    }

    private Dictionary<string, int>? Columns(TableSheet sheet, string[] known, string[] required)
    {
        var header = sheet.Rows.Count > 0 ? sheet.Rows[0] : null;
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; header is not null && i < header.Cells.Count; i++)
        {
            var name = header.Cells[i].Trim();
            if (known.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                columns.TryAdd(name, i);
            }
        }

        var missing = required.Where(c => !columns.ContainsKey(c)).ToList();
        foreach (var column in missing)
        {
            Problems.Add(new(sheet.Name, 1, column, $"The column {column} is missing from the header row."));
        }

        return missing.Count == 0 ? columns : null;
    }

    private bool? Flag(string text, string sheet, int row, string column, HashSet<string> reported)
    {
        switch (text.ToLowerInvariant())
        {
            case "" or "no" or "false" or "0" or "否":
                return false;
            case "yes" or "true" or "1" or "是":
                return true;
            default:
                Add(sheet, row, column, $"\"{text}\" is not yes or no.", reported);
                return null;
        }
    }

    private void Add(string sheet, int row, string column, string message, HashSet<string> reported)
    {
        Problems.Add(new(sheet, row, column, message));
        reported.Add(column);
    }
}

/// <summary>An item row of the file: its inputs, and the Materials rows that belong to it.</summary>
internal sealed record FileRow(int Number, ServiceItemInput Input, bool Withdrawn, HashSet<string> Reported, List<(int Row, MaterialInput Material)> Materials)
{
    /// <summary>The Fields rows of the item (null when the workbook has no Fields sheet: the item keeps its form).</summary>
    public List<(int Row, FormFieldInput Field)>? Fields { get; set; }

    /// <summary>The ReviewSteps rows of the item (null when the workbook has no such sheet: the item keeps its steps).</summary>
    public List<(int Row, ReviewStepInput Step)>? ReviewSteps { get; set; }
}
