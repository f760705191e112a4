using System.IO.Compression;
using System.Text;

namespace Followthrough.Tests.Security;

/// <summary>
/// Hostile Office files, written by the tests themselves: XML nested forty thousand deep, a zip bomb, a small Word file
/// that yields tens of millions of characters, a row numbered a hundred million, a DOCTYPE. Each is a valid enough
/// package (content types, relationships) that the Open XML SDK would open it, as the old readers did.
/// </summary>
internal static class HostileFiles
{
    private const string SheetMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string WordMain = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string Relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>One paragraph of 1 GB of text compressed to about a megabyte; built once per test run (compressing takes seconds).</summary>
    private static readonly Lazy<byte[]> Bomb = new(() => WordStreamed(1L << 30, run: '要'));

    public const int Deep = 40_000;

    public static byte[] ZipBombDocx => Bomb.Value;

    /// <summary><c>&lt;name&gt;</c> nested <paramref name="depth"/> deep, with <paramref name="inside"/> at the bottom.</summary>
    public static string Nest(string open, string close, int depth, string inside = "")
    {
        var text = new StringBuilder((open.Length + close.Length) * depth + inside.Length);
        for (var i = 0; i < depth; i++)
        {
            text.Append(open);
        }

        text.Append(inside);
        for (var i = 0; i < depth; i++)
        {
            text.Append(close);
        }

        return text.ToString();
    }

    /// <summary>A one-sheet workbook: <paramref name="sheetData"/> inside sheetData, <paramref name="afterSheetData"/> after it,
    /// <paramref name="inWorkbook"/> after the sheet list, and <paramref name="doctype"/> before the workbook element.</summary>
    public static byte[] Xlsx(string sheetData, string afterSheetData = "", string inWorkbook = "", string doctype = "") => Package(
        ("[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            + "</Types>"),
        ("_rels/.rels", Rels(("rId1", "officeDocument", "xl/workbook.xml"))),
        ("xl/_rels/workbook.xml.rels", Rels(("rId1", "worksheet", "worksheets/sheet1.xml"))),
        ("xl/workbook.xml",
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>{doctype}<workbook xmlns=\"{SheetMain}\" xmlns:r=\"{Relations}\">"
            + $"<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets>{inWorkbook}</workbook>"),
        ("xl/worksheets/sheet1.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{SheetMain}\"><sheetData>{sheetData}</sheetData>{afterSheetData}</worksheet>"));

    /// <summary>A row of inline-text cells, as a decomposition table or plan sheet would have.</summary>
    public static string Row(int number, params string[] cells) =>
        $"<row r=\"{number}\">" + string.Concat(cells.Select((c, i) => $"<c r=\"{(char)('A' + i)}{number}\" t=\"inlineStr\"><is><t>{c}</t></is></c>")) + "</row>";

    /// <summary>A workbook whose worksheet and workbook parts each nest <see cref="Deep"/> elements.</summary>
    public static byte[] DeeplyNestedXlsx() => Xlsx(
        Row(1, "序号", "任务内容", "牵头单位"),
        afterSheetData: Nest("<extLst>", "</extLst>", Deep),
        inWorkbook: Nest("<extLst>", "</extLst>", Deep));

    /// <summary>A Word document whose body nests <see cref="Deep"/> content controls (w:sdt) around one directive.</summary>
    public static byte[] DeeplyNestedDocx() => Docx(Nest("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", Deep, Paragraph("会议要求，市科技局年底前完成科研平台建设。")));

    public static string Paragraph(string text) => $"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>";

    public static byte[] Docx(string body) => Package(WordParts(Encoding.UTF8.GetBytes(Document(body))));

    /// <summary>A Word document whose paragraphs (one directive each, repeated), or one paragraph of <paramref name="run"/>
    /// repeated, expand to about <paramref name="bytes"/> bytes of XML; the part is streamed into the zip, so the test
    /// itself holds little of it.</summary>
    public static byte[] WordStreamed(long bytes, char? run = null)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in WordParts(null))
            {
                Add(zip, name, content);
            }

            var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize);
            using var stream = entry.Open();
            var (head, tail) = Split(Document(run is null ? "\u0001" : Paragraph("\u0001")));
            stream.Write(head);
            var paragraph = Encoding.UTF8.GetBytes(run is { } c
                ? new string(c, 1 << 18)
                : string.Concat(Enumerable.Repeat(Paragraph("会议要求，市生态环境局牵头，2021年6月底前完成督察反馈问题整改方案。"), 64)));
            for (long written = 0; written < bytes; written += paragraph.Length)
            {
                stream.Write(paragraph);
            }

            stream.Write(tail);
        }

        return output.ToArray();
    }

    public static byte[] Package(params (string Name, string Content)[] parts) => Package(parts.Select(p => (p.Name, Encoding.UTF8.GetBytes(p.Content))));

    private static byte[] Package(IEnumerable<(string Name, byte[] Content)> parts)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in parts)
            {
                Add(zip, name, content);
            }
        }

        return output.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        stream.Write(content);
    }

    /// <summary>The package's other parts; the main part too when <paramref name="document"/> is given.</summary>
    private static IEnumerable<(string Name, byte[] Content)> WordParts(byte[]? document)
    {
        yield return ("[Content_Types].xml", Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
            + "</Types>"));
        yield return ("_rels/.rels", Encoding.UTF8.GetBytes(Rels(("rId1", "officeDocument", "word/document.xml"))));
        if (document is not null)
        {
            yield return ("word/document.xml", document);
        }
    }

    private static string Document(string body) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"{WordMain}\"><w:body>{body}</w:body></w:document>";

    private static (byte[] Head, byte[] Tail) Split(string document)
    {
        var at = document.IndexOf('\u0001', StringComparison.Ordinal);
        return (Encoding.UTF8.GetBytes(document[..at]), Encoding.UTF8.GetBytes(document[(at + 1)..]));
    }

    private static string Rels(params (string Id, string Type, string Target)[] relationships) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + string.Concat(relationships.Select(r => $"<Relationship Id=\"{r.Id}\" Type=\"{Relations}/{r.Type}\" Target=\"{r.Target}\"/>"))
        + "</Relationships>";
}
