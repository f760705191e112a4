using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;

namespace Followthrough.Storage.Files;

/// <summary>
/// The worksheets of an Excel workbook (.xlsx) as rows of text, read straight from the package with
/// <see cref="GuardedPackage"/> and <see cref="GuardedXml"/>: no object per element, no recursion, every row, cell and
/// character counted before it is kept. A cell's text goes through <c>format</c> with its type (the <c>t</c>
/// attribute: "s", "inlineStr", "b", "str", "e" or null for a number), shared and inline strings already resolved.
/// The loops are compiled fully optimised at once: an import usually runs them once per process.
/// </summary>
internal static class XlsxTables
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static List<TableSheet> Read(byte[] content, FileLimits limits, Func<string?, string, string>? format, bool firstSheetOnly)
    {
        using var package = GuardedPackage.Open(content, limits);
        var workbook = GuardedPackage.Target(package.Relationships(string.Empty), "/officeDocument") ?? "xl/workbook.xml";
        if (!package.Has(workbook))
        {
            throw new FileRefusedException("it has no workbook part");
        }

        var relationships = package.Relationships(workbook);
        var budget = new TableBudget(limits);
        var shared = GuardedPackage.Target(relationships, "/sharedStrings") is { } sharedPart
            ? ReadSharedStrings(package, sharedPart, budget)
            : [];
        var result = new List<TableSheet>();
        foreach (var (name, id) in Sheets(package, workbook))
        {
            if (!relationships.TryGetValue(id, out var target) || !package.Has(target.Target))
            {
                continue;
            }

            using var xml = package.OpenXml(target.Target)!;
            result.Add(new TableSheet(name, ReadRows(xml, shared, format, budget, limits)));
            if (firstSheetOnly)
            {
                break;
            }
        }

        return result;
    }

    private static List<(string Name, string Id)> Sheets(GuardedPackage package, string workbook)
    {
        var sheets = new List<(string, string)>();
        using var xml = package.OpenXml(workbook)!;
        while (GuardedXml.Read(xml, package.Limits))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet" && xml.NamespaceURI == Main
                && xml.GetAttribute("id", Relations) is { } id)
            {
                if (sheets.Count >= package.Limits.MaxZipEntries)
                {
                    throw new FileRefusedException(nameof(FileLimits.MaxZipEntries), package.Limits.MaxZipEntries, "the workbook names more sheets than the package may hold files");
                }

                sheets.Add((xml.GetAttribute("name") ?? string.Empty, id));
            }
        }

        return sheets;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<string> ReadSharedStrings(GuardedPackage package, string part, TableBudget budget)
    {
        var strings = new List<string>();
        using var xml = package.OpenXml(part);
        if (xml is null)
        {
            return strings;
        }

        var limits = package.Limits;
        var text = new StringBuilder();
        var chunk = new char[4096];
        var inItem = false;
        var phoneticDepth = -1;
        while (GuardedXml.Read(xml, limits))
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Element when xml.NamespaceURI == Main:
                    switch (xml.LocalName)
                    {
                        case "si":
                            text.Clear();
                            inItem = !xml.IsEmptyElement;
                            if (xml.IsEmptyElement)
                            {
                                Add(string.Empty);
                            }

                            break;
                        case "rPh" when !xml.IsEmptyElement && phoneticDepth < 0:
                            phoneticDepth = xml.Depth; // phonetic guides (pinyin, furigana) are not the cell's text
                            break;
                        case "t" when inItem && phoneticDepth < 0 && !xml.IsEmptyElement:
                            ReadText(xml, text, chunk, budget, limits);
                            break;
                    }

                    break;
                case XmlNodeType.EndElement when xml.NamespaceURI == Main:
                    if (xml.LocalName == "si" && inItem)
                    {
                        Add(text.ToString());
                        inItem = false;
                    }
                    else if (xml.LocalName == "rPh" && xml.Depth == phoneticDepth)
                    {
                        phoneticDepth = -1;
                    }

                    break;
            }
        }

        return strings;

        void Add(string value)
        {
            budget.Cells(1);
            strings.Add(budget.Text(value));
        }
    }

    /// <summary>The text of an element, the reader on its start tag, up to its end tag; read in chunks, so a huge
    /// text is refused before it is held whole. Child elements (none in real files) add nothing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadText(XmlReader xml, StringBuilder text, char[] chunk, TableBudget budget, FileLimits limits)
    {
        var depth = xml.Depth;
        while (GuardedXml.Read(xml, limits) && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                int read;
                while ((read = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                {
                    text.Append(chunk, 0, read);
                    budget.CellLength(text.Length);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<TableRow> ReadRows(XmlReader xml, List<string> shared, Func<string?, string, string>? format, TableBudget budget, FileLimits limits)
    {
        var rows = new List<TableRow>();
        var buffers = new CellBuffers();
        List<string>? cells = null;
        var rowNumber = 0;
        var nextRow = 1;
        var position = 0;
        while (GuardedXml.Read(xml, limits))
        {
            if (xml.NamespaceURI != Main)
            {
                continue;
            }

            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "row")
            {
                rowNumber = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : nextRow;
                budget.Row(rowNumber);
                budget.Row(rows.Count + 1);
                nextRow = rowNumber + 1;
                position = 0;
                cells = [];
                if (xml.IsEmptyElement)
                {
                    rows.Add(new TableRow(rowNumber, cells));
                    cells = null;
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "row" && cells is not null)
            {
                rows.Add(new TableRow(rowNumber, cells));
                cells = null;
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "c" && cells is not null)
            {
                var reference = xml.GetAttribute("r");
                var column = reference is null ? position : ColumnIndex(reference);
                budget.Column(column);
                var type = xml.GetAttribute("t");
                var text = xml.IsEmptyElement ? string.Empty : ReadCell(xml, type, shared, format, buffers, budget, limits);
                if (cells.Count <= column)
                {
                    budget.Cells(column - cells.Count + 1);
                    while (cells.Count < column)
                    {
                        cells.Add(string.Empty);
                    }

                    cells.Add(text);
                }

                position = column + 1;
            }
        }

        return rows;
    }

    /// <summary>A cell's text, the reader on its start tag, up to its end tag.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string ReadCell(
        XmlReader xml, string? type, List<string> shared, Func<string?, string, string>? format, CellBuffers buffers, TableBudget budget, FileLimits limits)
    {
        var depth = xml.Depth;
        var (value, inline, chunk) = (buffers.Value.Clear(), buffers.Inline.Clear(), buffers.Chunk);
        var hasValue = false;
        var hasInline = false;
        var phoneticDepth = -1;
        while (GuardedXml.Read(xml, limits) && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.NamespaceURI == Main && !xml.IsEmptyElement)
            {
                switch (xml.LocalName)
                {
                    case "v":
                        ReadText(xml, value.Clear(), chunk, budget, limits);
                        hasValue = true;
                        break;
                    case "rPh" when phoneticDepth < 0:
                        phoneticDepth = xml.Depth;
                        break;
                    case "t" when phoneticDepth < 0:
                        ReadText(xml, inline, chunk, budget, limits);
                        hasInline = true;
                        break;
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == phoneticDepth)
            {
                phoneticDepth = -1;
            }
        }

        var text = type switch
        {
            "s" => hasValue && int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count ? shared[index] : string.Empty,
            "inlineStr" => hasInline ? inline.ToString() : string.Empty,
            _ => hasValue ? value.ToString() : string.Empty,
        };
        text = format is null ? text : format(type, text);
        return type == "s" ? text : budget.Text(text); // a shared string was counted once, when it was read
    }

    /// <summary>Buffers one sheet's cells reuse, so reading a cell allocates only the text it keeps.</summary>
    private sealed class CellBuffers
    {
        public StringBuilder Value { get; } = new();

        public StringBuilder Inline { get; } = new();

        public char[] Chunk { get; } = new char[4096];
    }

    /// <summary>A → 0, Z → 25, AA → 26: the column part of a reference such as "AB12"; int.MaxValue past any sheet.</summary>
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
            if (index > 1_000_000)
            {
                return int.MaxValue;
            }
        }

        return index - 1;
    }
}
