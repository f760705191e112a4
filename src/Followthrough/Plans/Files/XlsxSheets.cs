using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Followthrough.Plans.Files;

/// <summary>
/// Plan files as Excel workbooks (.xlsx), one worksheet per sheet. Written and read with the streaming OpenXML
/// reader and writer, so a workbook of a hundred thousand rows does not need to fit in memory as a document tree.
/// Columns marked numeric are written as number cells; everything else as text.
/// </summary>
public static class XlsxSheets
{
    /// <summary>A worksheet may not expand to more than this many characters (guards against zip bombs).</summary>
    private const long MaxCharactersInPart = 400_000_000;

    public static void Write(Stream output, IEnumerable<SheetTable> sheets, Func<string, int, bool>? isNumeric = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sheets);
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var entries = new List<Sheet>();
        uint sheetId = 1;
        foreach (var sheet in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(part))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                foreach (var row in sheet.Rows)
                {
                    writer.WriteStartElement(new Row { RowIndex = (uint)row.Number });
                    for (var c = 0; c < row.Cells.Count; c++)
                    {
                        var text = row.Cells[c];
                        if (text.Length == 0)
                        {
                            continue;
                        }

                        var reference = ColumnName(c) + row.Number.ToString(CultureInfo.InvariantCulture);
                        if (row.Number > 1 && isNumeric?.Invoke(sheet.Name, c) == true && PlanChecks.TryReadNumber(text, out _))
                        {
                            writer.WriteElement(new Cell { CellReference = reference, CellValue = new CellValue(text) });
                        }
                        else
                        {
                            writer.WriteElement(new Cell(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
                            {
                                CellReference = reference,
                                DataType = CellValues.InlineString,
                            });
                        }
                    }

                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            entries.Add(new Sheet { Name = sheet.Name, SheetId = sheetId++, Id = workbook.GetIdOfPart(part) });
        }

        workbook.Workbook = new Workbook(new Sheets(entries));
        workbook.Workbook.Save();
    }

    /// <summary>Reads every worksheet; rows keep their Excel row numbers. Formulas are read as their last computed value.</summary>
    public static List<SheetTable> Read(Stream input, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(input);
        problem = null;
        try
        {
            using var document = SpreadsheetDocument.Open(input, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            var workbook = document.WorkbookPart;
            if (workbook?.Workbook.Sheets is null)
            {
                problem = "The workbook has no worksheets.";
                return [];
            }

            var shared = ReadSharedStrings(workbook);
            var result = new List<SheetTable>();
            foreach (var sheet in workbook.Workbook.Sheets.Elements<Sheet>())
            {
                if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
                {
                    continue;
                }

                var table = new SheetTable(sheet.Name?.Value ?? string.Empty);
                ReadRows(part, shared, table);
                result.Add(table);
            }

            return result;
        }
        catch (Exception error) when (error is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException or InvalidOperationException)
        {
            problem = $"The file is not a readable Excel workbook (.xlsx): {error.Message}";
            return [];
        }
    }

    private static List<string> ReadSharedStrings(WorkbookPart workbook)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                strings.Add(((SharedStringItem)reader.LoadCurrentElement()!).InnerText);
            }
        }

        return strings;
    }

    private static void ReadRows(WorksheetPart part, List<string> shared, SheetTable table)
    {
        using var reader = OpenXmlReader.Create(part);
        var nextRow = 1;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            var number = row.RowIndex?.Value is { } index ? (int)index : nextRow;
            nextRow = number + 1;
            var cells = new List<string>();
            var position = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : position;
                while (cells.Count < column)
                {
                    cells.Add(string.Empty);
                }

                cells.Add(CellText(cell, shared));
                position = column + 1;
            }

            table.Rows.Add(new SheetRow(number, cells));
        }
    }

    private static string CellText(Cell cell, List<string> shared)
    {
        var type = cell.DataType?.Value;
        var raw = cell.CellValue?.Text ?? string.Empty;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count ? shared[index] : string.Empty;
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "yes" : "no";
        }

        if (type == CellValues.String || type == CellValues.Error)
        {
            return raw;
        }

        // Excel keeps numbers as binary doubles (2.85 may come back as 2.8500000000000001): 15 significant digits
        // is what Excel itself shows, and turns them back into the decimals people typed.
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && Math.Abs(number) < 1e15
            ? PlanChecks.FormatNumber(decimal.Parse(number.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture))
            : raw;
    }

    /// <summary>A → 0, Z → 25, AA → 26: the column part of a reference such as "AB12".</summary>
    public static int ColumnIndex(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            name = (char)('A' + ((i - 1) % 26)) + name;
        }

        return name;
    }
}
