using System.Text;

namespace Followthrough.Plans.Files;

/// <summary>
/// Plan files as CSV (RFC 4180, UTF-8 with a byte-order mark so Excel shows Chinese correctly). One file holds every
/// sheet: each starts with a line holding only its name in brackets ("[Items]" or "[规划条目]"), then its header.
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
            await writer.WriteLineAsync(Quote($"[{sheet.Name}]"));
            foreach (var row in sheet.Rows)
            {
                await writer.WriteLineAsync(string.Join(',', row.Cells.Select(Quote)));
            }
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>Reads every sheet; rows keep their line numbers. Blank lines are skipped.</summary>
    public static List<SheetTable> Read(Stream input, out string? problem)
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
        foreach (var row in Parse(text))
        {
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

    private static IEnumerable<SheetRow> Parse(string text)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var rowStart = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        cell.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    cell.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when cell.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    yield return new SheetRow(rowStart, [.. cells]);
                    cells.Clear();
                    line++;
                    rowStart = line;
                    break;
                default:
                    cell.Append(c);
                    break;
            }
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            yield return new SheetRow(rowStart, [.. cells]);
        }
    }

    private static string Quote(string value) =>
        value.Length > 0 && (value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}
