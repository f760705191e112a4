using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Followthrough.Plans.Files;

/// <summary>
/// Plan files as Excel workbooks (.xlsx), one worksheet per sheet. The package (zip and relationships) is handled by
/// DocumentFormat.OpenXml; the worksheets are streamed as plain XML, so a workbook of a hundred thousand rows reads and
/// writes in well under a second. Columns marked numeric are written as number cells; everything else as inline text.
/// </summary>
internal static class XlsxSheets
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
            // Written as plain XML, like the reader reads it: element objects per cell would cost seconds on large plans.
            using (var stream = part.GetStream(FileMode.Create, FileAccess.Write))
            using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
            {
                xml.WriteStartElement("worksheet", Main);
                xml.WriteStartElement("sheetData", Main);
                foreach (var row in sheet.Rows)
                {
                    var number = row.Number.ToString(CultureInfo.InvariantCulture);
                    xml.WriteStartElement("row", Main);
                    xml.WriteAttributeString("r", number);
                    for (var c = 0; c < row.Cells.Count; c++)
                    {
                        var text = row.Cells[c];
                        if (text.Length == 0)
                        {
                            continue;
                        }

                        xml.WriteStartElement("c", Main);
                        xml.WriteAttributeString("r", ColumnName(c) + number);
                        if (row.Number > 1 && isNumeric?.Invoke(sheet.Name, c) == true && PlanChecks.TryReadNumber(text, out _))
                        {
                            xml.WriteElementString("v", Main, text);
                        }
                        else
                        {
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

            entries.Add(new Sheet { Name = sheet.Name, SheetId = sheetId++, Id = workbook.GetIdOfPart(part) });
        }

        workbook.Workbook = new Workbook(new Sheets(entries));
        workbook.Workbook.Save();
    }

    /// <summary>XML 1.0 cannot carry most control characters; a cell holding one keeps the rest of its text.</summary>
    private static string XmlSafe(string text) =>
        text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')) ? new string(text.Where(c => !char.IsControl(c) || c is '\t' or '\n' or '\r').ToArray()) : text;

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
        catch (Exception error) when (error is OpenXmlPackageException or InvalidDataException or XmlException or IOException or InvalidOperationException)
        {
            problem = $"The file is not a readable Excel workbook (.xlsx): {error.Message}";
            return [];
        }
    }

    // The parts are read with a plain XmlReader: building OpenXML element objects for each of a hundred thousand rows
    // costs seconds, streaming the XML costs a fraction of that. The loops are compiled fully optimised at once
    // (AggressiveOptimization): an import usually runs them once per process, before tiered compilation would.
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        MaxCharactersInDocument = MaxCharactersInPart,
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<string> ReadSharedStrings(WorkbookPart workbook)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part)
        {
            return strings;
        }

        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = XmlReader.Create(stream, Settings);
        var text = new StringBuilder();
        var inItem = false;
        var inPhonetic = 0;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.NamespaceURI == Main)
            {
                switch (xml.LocalName)
                {
                    case "si":
                        inItem = true;
                        text.Clear();
                        if (xml.IsEmptyElement)
                        {
                            strings.Add(string.Empty);
                            inItem = false;
                        }

                        break;
                    case "rPh":
                        // Phonetic guides (pinyin or furigana runs) are not part of the cell's text.
                        inPhonetic += xml.IsEmptyElement ? 0 : 1;
                        break;
                    case "t" when inItem && inPhonetic == 0 && !xml.IsEmptyElement:
                        text.Append(xml.ReadElementContentAsString());
                        if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "si")
                        {
                            strings.Add(text.ToString());
                            inItem = false;
                        }

                        break;
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.NamespaceURI == Main)
            {
                if (xml.LocalName == "si" && inItem)
                {
                    strings.Add(text.ToString());
                    inItem = false;
                }
                else if (xml.LocalName == "rPh")
                {
                    inPhonetic--;
                }
            }
        }

        return strings;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadRows(WorksheetPart part, List<string> shared, SheetTable table)
    {
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = XmlReader.Create(stream, Settings);
        List<string>? cells = null;
        var rowNumber = 0;
        var nextRow = 1;
        var position = 0;
        while (xml.Read())
        {
            if (xml.NamespaceURI != Main)
            {
                continue;
            }

            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "row")
            {
                rowNumber = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : nextRow;
                nextRow = rowNumber + 1;
                position = 0;
                cells = [];
                if (xml.IsEmptyElement)
                {
                    table.Rows.Add(new SheetRow(rowNumber, cells));
                    cells = null;
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "row" && cells is not null)
            {
                table.Rows.Add(new SheetRow(rowNumber, cells));
                cells = null;
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "c" && cells is not null)
            {
                var reference = xml.GetAttribute("r");
                var column = reference is null ? position : ColumnIndex(reference);
                var type = xml.GetAttribute("t");
                var text = xml.IsEmptyElement ? string.Empty : ReadCell(xml, type, shared);
                while (cells.Count < column)
                {
                    cells.Add(string.Empty);
                }

                if (cells.Count == column)
                {
                    cells.Add(text);
                }

                position = column + 1;
            }
        }
    }

    /// <summary>Reads a cell's content, the reader standing on its start tag, up to its end tag.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string ReadCell(XmlReader xml, string? type, List<string> shared)
    {
        var depth = xml.Depth;
        string? value = null;
        StringBuilder? inline = null;
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.NamespaceURI == Main && !xml.IsEmptyElement && xml.LocalName is "v" or "t")
            {
                var isValue = xml.LocalName == "v";
                var content = xml.ReadElementContentAsString(); // leaves the reader on the next node
                if (isValue)
                {
                    value = content;
                }
                else
                {
                    (inline ??= new StringBuilder()).Append(content);
                }

                continue;
            }

            xml.Read();
        }

        return type switch
        {
            "s" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count ? shared[index] : string.Empty,
            "inlineStr" => inline?.ToString() ?? string.Empty,
            "b" => value == "1" ? "yes" : "no",
            "str" or "e" => value ?? string.Empty,
            _ => Number(value ?? string.Empty),
        };
    }

    /// <summary>
    /// Excel keeps numbers as binary doubles (2.85 may come back as 2.8500000000000001): 15 significant digits is what
    /// Excel itself shows, and turns them back into the decimals people typed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string Number(string raw)
    {
        if (raw.Length == 0)
        {
            return raw;
        }

        if (raw.Length <= 15 && decimal.TryParse(raw, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var exact))
        {
            return PlanChecks.FormatNumber(exact);
        }

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
