using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Followthrough.Tasks;

/// <summary>A list as a plain table of text, ready to be written as CSV or as an Excel workbook.</summary>
public sealed record ListTable(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>RFC 4180 CSV in UTF-8 with a byte-order mark, which Excel needs to read Chinese correctly.</summary>
    public byte[] ToCsv()
    {
        var builder = new StringBuilder();
        foreach (var row in Rows.Prepend(Headers))
        {
            builder.AppendJoin(',', row.Select(Quote)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(builder.ToString())];
    }

    /// <summary>One worksheet: a bold header row, frozen, then the rows as text (never as formulas).</summary>
    public byte[] ToXlsx()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, Headers, bold: true));
            for (var i = 0; i < Rows.Count; i++)
            {
                data.Append(Row((uint)(i + 2), Rows[i], bold: false));
            }

            var worksheet = new Worksheet();
            worksheet.Append(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
            { TabSelected = true, WorkbookViewId = 0 }));
            worksheet.Append(Widths());
            worksheet.Append(data);
            sheetPart.Worksheet = worksheet;
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName() }));
        }

        return stream.ToArray();
    }

    private static string Quote(string value)
    {
        var text = value ?? string.Empty;
        // A leading = + - @ would run as a formula in Excel; a quote mark keeps it text.
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' && !DateOnly.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }

    private static Row Row(uint index, IReadOnlyList<string> values, bool bold)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < values.Count; c++)
        {
            var cell = new Cell
            {
                CellReference = ColumnName(c) + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(Clean(values[c])) { Space = SpaceProcessingModeValues.Preserve }),
            };
            if (bold)
            {
                cell.StyleIndex = 1;
            }

            row.Append(cell);
        }

        return row;
    }

    /// <summary>XML cannot carry most control characters; a stray one in a comment must not break the export.</summary>
    private static string Clean(string value) =>
        new([.. (value ?? string.Empty).Where(ch => ch >= ' ' || ch is '\t' or '\n' or '\r')]);

    public static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private Columns Widths()
    {
        var columns = new Columns();
        for (var c = 0; c < Headers.Count; c++)
        {
            var longest = Rows.Take(200).Select(r => c < r.Count ? r[c].Length : 0).Append(Headers[c].Length).Max();
            columns.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = Math.Clamp(longest * 1.8 + 2, 6, 80), CustomWidth = true });
        }

        return columns;
    }

    private string SheetName()
    {
        var name = new string([.. Name.Where(ch => ch is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\'))]);
        return name.Length is 0 ? "Sheet1" : name[..Math.Min(31, name.Length)];
    }

    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });
}
