using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Followthrough.Storage.Files;

/// <summary>How an Excel export looks: a bold, frozen header row with fitted widths, and which cells are numbers.</summary>
/// <param name="HeaderRow">Row 1 is a header: bold, frozen while scrolling, columns as wide as their text.</param>
/// <param name="Numeric">Given a sheet's name and a column, whether its cells (below row 1) that read as numbers are
/// written as number cells; null writes every cell as text.</param>
/// <param name="EmptyCells">Write empty cells too (so a row read back has every column), not only filled ones.</param>
public sealed record XlsxLayout(bool HeaderRow = true, Func<string, int, bool>? Numeric = null, bool EmptyCells = false);

/// <summary>
/// The one writer of every table the product hands out (task lists, the bulletin, plan files, the units file), as CSV
/// or as an Excel workbook. Neither carries a formula: a text cell beginning with = + - @, a tab or a carriage return
/// (which a spreadsheet would run as a formula: "CSV injection") is written in CSV with a leading apostrophe, and in
/// Excel as a text cell marked "quote prefix", Excel's own way of keeping such text as typed. Plain numbers such as
/// -5 are left alone. <see cref="Restore"/> undoes the apostrophe when a file the product wrote is read back.
/// </summary>
public static class SpreadsheetWriter
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>Whether a spreadsheet would take this text for a formula.</summary>
    public static bool LooksLikeFormula(string text) =>
        !string.IsNullOrEmpty(text) && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
        && !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    /// <summary>The text as a CSV cell may carry it: with a leading apostrophe when it would be a formula.</summary>
    public static string Neutralize(string? text) => text is not null && LooksLikeFormula(text) ? "'" + text : text ?? string.Empty;

    /// <summary>Undoes <see cref="Neutralize"/> for a cell read back from a CSV file.</summary>
    public static string Restore(string text) =>
        text is ['\'', _, ..] && LooksLikeFormula(text[1..]) ? text[1..] : text;

    /// <summary>One CSV line (RFC 4180, CRLF): quoted when it holds a comma, quote or line break, or starts or ends with white space.</summary>
    public static string CsvRow(IEnumerable<string?> cells)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteCsvRow(writer, cells);
        return writer.ToString();
    }

    /// <summary>Writes one CSV line (see <see cref="CsvRow"/>).</summary>
    public static void WriteCsvRow(TextWriter writer, IEnumerable<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(cells);
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                writer.Write(',');
            }

            first = false;
            var text = Neutralize(cell);
            writer.Write(text.Length > 0 && (text.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
                ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
                : text);
        }

        writer.Write("\r\n");
    }

    /// <summary>A whole table as CSV in UTF-8 with a byte-order mark, which Excel needs to read Chinese correctly.</summary>
    public static byte[] Csv(IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        foreach (var row in rows)
        {
            WriteCsvRow(writer, row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(writer.ToString())];
    }

    /// <summary>A workbook with one worksheet per sheet; every text cell is inline text, never a formula.</summary>
    public static void WriteXlsx(Stream output, IEnumerable<TableSheet> sheets, XlsxLayout? layout = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sheets);
        layout ??= new XlsxLayout();
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var entries = new List<Sheet>();
        uint sheetId = 1;
        foreach (var sheet in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            // Written as plain XML: element objects per cell would cost seconds on large plans.
            using (var stream = part.GetStream(FileMode.Create, FileAccess.Write))
            using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
            {
                WriteSheet(xml, sheet, layout, sheetId == 1);
            }

            entries.Add(new Sheet { Name = SheetName(sheet.Name), SheetId = sheetId++, Id = workbook.GetIdOfPart(part) });
        }

        workbook.Workbook = new Workbook(new Sheets(entries));
        workbook.Workbook.Save();
    }

    /// <summary>A workbook as bytes.</summary>
    public static byte[] Xlsx(IEnumerable<TableSheet> sheets, XlsxLayout? layout = null)
    {
        using var stream = new MemoryStream();
        WriteXlsx(stream, sheets, layout);
        return stream.ToArray();
    }

    private static void WriteSheet(XmlWriter xml, TableSheet sheet, XlsxLayout layout, bool selected)
    {
        xml.WriteStartElement("worksheet", Main);
        if (layout.HeaderRow && sheet.Rows.Count > 0)
        {
            xml.WriteStartElement("sheetViews", Main);
            xml.WriteStartElement("sheetView", Main);
            if (selected)
            {
                xml.WriteAttributeString("tabSelected", "1");
            }

            xml.WriteAttributeString("workbookViewId", "0");
            xml.WriteStartElement("pane", Main);
            xml.WriteAttributeString("ySplit", "1");
            xml.WriteAttributeString("topLeftCell", "A2");
            xml.WriteAttributeString("activePane", "bottomLeft");
            xml.WriteAttributeString("state", "frozen");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            WriteWidths(xml, sheet);
        }

        xml.WriteStartElement("sheetData", Main);
        foreach (var row in sheet.Rows)
        {
            var number = row.Number.ToString(CultureInfo.InvariantCulture);
            var header = layout.HeaderRow && row.Number == 1;
            xml.WriteStartElement("row", Main);
            xml.WriteAttributeString("r", number);
            for (var c = 0; c < row.Cells.Count; c++)
            {
                var text = row.Cells[c] ?? string.Empty;
                if (text.Length == 0 && !layout.EmptyCells)
                {
                    continue;
                }

                xml.WriteStartElement("c", Main);
                xml.WriteAttributeString("r", ColumnName(c) + number);
                if (row.Number > 1 && layout.Numeric?.Invoke(sheet.Name, c) == true && IsNumber(text))
                {
                    xml.WriteElementString("v", Main, text);
                }
                else
                {
                    // Style 1 is bold (the header), 2 is "quote prefix" (text Excel must never take for a formula).
                    var style = header ? "1" : LooksLikeFormula(text) ? "2" : null;
                    if (style is not null)
                    {
                        xml.WriteAttributeString("s", style);
                    }

                    xml.WriteAttributeString("t", "inlineStr");
                    xml.WriteStartElement("is", Main);
                    xml.WriteStartElement("t", Main);
                    if (text.Length != text.Trim().Length)
                    {
                        xml.WriteAttributeString("xml", "space", null, "preserve");
                    }

                    xml.WriteString(XmlSafe(text));
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteWidths(XmlWriter xml, TableSheet sheet)
    {
        var columns = sheet.Rows.Take(201).Select(r => r.Cells.Count).DefaultIfEmpty(0).Max();
        if (columns == 0)
        {
            return;
        }

        xml.WriteStartElement("cols", Main);
        for (var c = 0; c < columns; c++)
        {
            var longest = sheet.Rows.Take(201).Select(r => c < r.Cells.Count ? (r.Cells[c] ?? string.Empty).Length : 0).Max();
            var index = (c + 1).ToString(CultureInfo.InvariantCulture);
            xml.WriteStartElement("col", Main);
            xml.WriteAttributeString("min", index);
            xml.WriteAttributeString("max", index);
            xml.WriteAttributeString("width", Math.Clamp((longest * 1.8) + 2, 6, 80).ToString("0.##", CultureInfo.InvariantCulture));
            xml.WriteAttributeString("customWidth", "1");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static bool IsNumber(string text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    /// <summary>XML 1.0 cannot carry most control characters; a cell holding one keeps the rest of its text.</summary>
    private static string XmlSafe(string text) =>
        text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')) ? new string([.. text.Where(c => !char.IsControl(c) || c is '\t' or '\n' or '\r')]) : text;

    private static string SheetName(string name)
    {
        var clean = new string([.. name.Where(ch => ch is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\'))]);
        return clean.Length is 0 ? "Sheet1" : clean[..Math.Min(31, clean.Length)];
    }

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { QuotePrefix = true }) { Count = 3 });
}
