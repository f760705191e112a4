using System.Text;
using Followthrough.Storage.Files;

namespace Followthrough.Tasks;

/// <summary>
/// Reads the first sheet of an Excel workbook (.xlsx) or a CSV file into rows of text, through the product's guarded
/// reader (<see cref="UntrustedFile"/>). CSV may be UTF-8 (with or
/// without a byte-order mark) or GB18030, which Excel writes for Chinese on Chinese Windows.
/// </summary>
internal static class TableReader
{
    public const int MaxRows = 5000;

    public static IReadOnlyList<IReadOnlyList<string>> Read(string fileName, byte[] content, FileLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        return extension switch
        {
            ".xlsx" => ReadXlsx(content, limits),
            ".csv" or ".txt" => ReadCsv(Decode(content), limits),
            _ => throw new TableFormatException("Import an Excel workbook (.xlsx) or a CSV file (.csv)."),
        };
    }

    public static string Decode(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.AsSpan().StartsWith(Encoding.UTF8.GetPreamble()))
        {
            return Encoding.UTF8.GetString(content, 3, content.Length - 3);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(54936)!.GetString(content); // GB18030
        }
    }

    /// <summary>RFC 4180: commas, quoted fields with doubled quotes, line breaks inside quotes.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> ReadCsv(string text, FileLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var row in Refused(() => UntrustedFile.ReadCsv(text, limits ?? FileLimits.Default)))
        {
            rows.Add(row.Cells);
            Guard(rows.Count);
        }

        return rows;
    }

    private static List<IReadOnlyList<string>> ReadXlsx(byte[] content, FileLimits? limits)
    {
        var sheets = Refused(() => UntrustedFile.ReadWorkbook(content, limits ?? FileLimits.Default, firstSheetOnly: true));
        var sheet = sheets.Count > 0 ? sheets[0] : throw new TableFormatException("The workbook has no sheets.");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var row in sheet.Rows)
        {
            Guard(row.Number); // before padding: a row numbered a hundred million is refused, not padded to
            while (rows.Count < row.Number - 1)
            {
                rows.Add([]); // keep spreadsheet row numbers: error reports point at the row people see
            }

            rows.Add(row.Cells);
        }

        return rows;
    }

    /// <summary>A file past one of the product's file limits, or unreadable, is refused with the reader's sentence.</summary>
    private static T Refused<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (FileRefusedException refused)
        {
            throw new TableFormatException(refused.Message);
        }
    }

    private static void Guard(int rows)
    {
        if (rows > MaxRows)
        {
            throw new TableFormatException($"The table has more than {MaxRows} rows; split it into smaller files.");
        }
    }
}

/// <summary>The file cannot be read as a table at all (as opposed to a bad row or cell).</summary>
internal sealed class TableFormatException(string message) : Exception(message);
