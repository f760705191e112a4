using System.Globalization;
using Followthrough.Storage.Files;

namespace Followthrough.Plans.Files;

/// <summary>
/// Plan files as Excel workbooks (.xlsx), one worksheet per sheet, written by the product's one table writer
/// (<see cref="SpreadsheetWriter"/>) and read by its guarded reader (<see cref="UntrustedFile"/>): columns marked
/// numeric are written as number cells, everything else as inline text.
/// </summary>
internal static class XlsxSheets
{
    public static void Write(Stream output, IEnumerable<SheetTable> sheets, Func<string, int, bool>? isNumeric = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sheets);
        SpreadsheetWriter.WriteXlsx(
            output,
            sheets.Select(s => new TableSheet(s.Name, [.. s.Rows.Select(r => new TableRow(r.Number, r.Cells))])),
            new XlsxLayout(HeaderRow: true, Numeric: isNumeric));
    }

    /// <summary>Reads every worksheet; rows keep their Excel row numbers. Formulas are read as their last computed value.</summary>
    public static List<SheetTable> Read(Stream input, out string? problem, FileLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        return Read(buffer.ToArray(), out problem, limits);
    }

    public static List<SheetTable> Read(byte[] content, out string? problem, FileLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        problem = null;
        try
        {
            var sheets = UntrustedFile.ReadWorkbook(content, limits ?? FileLimits.Default, Format);
            if (sheets.Count == 0)
            {
                problem = "The workbook has no worksheets.";
                return [];
            }

            return [.. sheets.Select(Table)];
        }
        catch (FileRefusedException refused)
        {
            problem = refused.Message;
            return [];
        }
    }

    private static SheetTable Table(TableSheet sheet)
    {
        var table = new SheetTable(sheet.Name);
        table.Rows.AddRange(sheet.Rows.Select(r => new SheetRow(r.Number, r.Cells)));
        return table;
    }

    private static string Format(string? type, string text) => type switch
    {
        "s" or "inlineStr" or "str" or "e" => text,
        "b" => text == "1" ? "yes" : "no",
        _ => Number(text),
    };

    /// <summary>
    /// Excel keeps numbers as binary doubles (2.85 may come back as 2.8500000000000001): 15 significant digits is what
    /// Excel itself shows, and turns them back into the decimals people typed.
    /// </summary>
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
}
