using System.Text;
using Followthrough.Storage.Files;

namespace Followthrough.Plans.Files;

/// <summary>
/// Plan files as CSV (RFC 4180, UTF-8 with a byte-order mark so Excel shows Chinese correctly). One file holds every
/// sheet: each starts with a line holding only its name in brackets ("[Items]" or "[规划条目]"), then its header.
/// Written by the product's one table writer (no formulas), read by its guarded reader.
/// </summary>
internal static class CsvSheets
{
    public static async Task WriteAsync(Stream output, IEnumerable<SheetTable> sheets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sheets);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        var first = true;
        foreach (var sheet in sheets)
        {
            if (!first)
            {
                await writer.WriteLineAsync();
            }

            first = false;
            await writer.WriteAsync(SpreadsheetWriter.CsvRow([$"[{sheet.Name}]"]));
            foreach (var row in sheet.Rows)
            {
                await writer.WriteAsync(SpreadsheetWriter.CsvRow(row.Cells));
            }
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>Reads every sheet; rows keep their line numbers. Blank lines are skipped.</summary>
    public static List<SheetTable> Read(Stream input, out string? problem, FileLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        problem = null;
        using var reader = new StreamReader(input, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        string text;
        try
        {
            text = reader.ReadToEnd();
        }
        catch (DecoderFallbackException)
        {
            problem = "The CSV file is not UTF-8 text. Save it as \"CSV UTF-8\".";
            return [];
        }

        var sheets = new List<SheetTable>();
        SheetTable? current = null;
        IReadOnlyList<TableRow> rows;
        try
        {
            rows = UntrustedFile.ReadCsv(text, limits ?? FileLimits.Default);
        }
        catch (FileRefusedException refused)
        {
            problem = refused.Message;
            return [];
        }

        foreach (var read in rows)
        {
            // A cell the product wrote with a leading apostrophe (so no spreadsheet runs it as a formula) reads back as written.
            var row = new SheetRow(read.Number, [.. read.Cells.Select(SpreadsheetWriter.Restore)]);
            if (row.IsBlank)
            {
                continue;
            }

            var marker = row.Cells[0].Trim();
            if (marker.StartsWith('[') && marker.EndsWith(']') && row.Cells.Skip(1).All(string.IsNullOrWhiteSpace))
            {
                current = new SheetTable(marker[1..^1].Trim());
                sheets.Add(current);
                continue;
            }

            if (current is null)
            {
                problem = $"Line {row.Number}: the file must start with a sheet name in brackets, such as [Plan] or [规划].";
                return [];
            }

            current.Rows.Add(row);
        }

        return sheets;
    }

}
