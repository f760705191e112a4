using Followthrough.Storage.Files;

namespace Followthrough.Tasks;

/// <summary>
/// A list as a plain table of text, written as CSV or as an Excel workbook by the product's one table writer
/// (<see cref="SpreadsheetWriter"/>), which never lets a cell become a formula.
/// </summary>
public sealed record ListTable(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public const string CsvContentType = SpreadsheetWriter.CsvContentType;
    public const string XlsxContentType = SpreadsheetWriter.XlsxContentType;

    /// <summary>RFC 4180 CSV in UTF-8 with a byte-order mark, which Excel needs to read Chinese correctly.</summary>
    public byte[] ToCsv() => SpreadsheetWriter.Csv(Rows.Prepend(Headers));

    /// <summary>One worksheet: a bold header row, frozen, then the rows as text (never as formulas).</summary>
    public byte[] ToXlsx() => SpreadsheetWriter.Xlsx(
        [new TableSheet(Name, [.. Rows.Prepend(Headers).Select((row, i) => new TableRow(i + 1, row))])],
        new XlsxLayout(HeaderRow: true, EmptyCells: true));
}
