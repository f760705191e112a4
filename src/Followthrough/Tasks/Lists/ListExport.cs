using Followthrough.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Followthrough.Tasks;

/// <summary>How the API hands out a table: <c>?format=json</c> (the default), <c>csv</c> or <c>xlsx</c>.</summary>
public static class ListExport
{
    /// <summary>null for JSON; "csv" or "xlsx" for a file; an unknown format is a field error.</summary>
    public static string? Format(string? format, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        switch (format?.Trim().ToLowerInvariant())
        {
            case null or "" or "json":
                return null;
            case "csv":
                return "csv";
            case "xlsx":
                return "xlsx";
            default:
                errors.Add("format", "The format is json, csv or xlsx.");
                return null;
        }
    }

    /// <summary>The table as a download named <paramref name="name"/>.csv or .xlsx.</summary>
    public static FileContentHttpResult File(ListTable table, string format, string name)
    {
        ArgumentNullException.ThrowIfNull(table);
        return format == "csv"
            ? TypedResults.File(table.ToCsv(), ListTable.CsvContentType, $"{name}.csv")
            : TypedResults.File(table.ToXlsx(), ListTable.XlsxContentType, $"{name}.xlsx");
    }
}
