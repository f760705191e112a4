using System.Globalization;
using CsvHelper;
using Followthrough.Storage.Files;

namespace Followthrough.Organization.Import;

/// <summary>A unit as one line of the CSV file: plain values, aliases in the stored one-per-line form.</summary>
public sealed record UnitSnapshot(string Code, string NameZh, string NameEn, UnitKind Kind, string? ParentCode, string Aliases, bool IsActive);

/// <summary>One data row as read, untouched apart from trimming; <see cref="Row"/> counts the header as row 1.</summary>
public sealed record UnitCsvRow(int Row, string Code, string NameZh, string NameEn, string Kind, string ParentCode, string Aliases, string Active);

/// <summary>A problem with one row (and column, when it is about one) of an import file.</summary>
public sealed record ImportProblem(int Row, string? Column, string Message)
{
    public override string ToString() => Column is null ? $"row {Row}: {Message}" : $"row {Row}, {Column}: {Message}";
}

public sealed record UnitCsvFile(IReadOnlyList<UnitCsvRow> Rows, IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// The units file: UTF-8 CSV (RFC 4180) with a header row and the columns code, name_zh, name_en, kind, parent_code,
/// aliases (separated by '|') and active (true or false). It is what supervision offices exchange with units as
/// spreadsheets; <c>followthrough units export</c> writes it and <c>units import</c> reads it back.
/// </summary>
public static class UnitCsv
{
    public const string Code = "code";
    public const string NameZh = "name_zh";
    public const string NameEn = "name_en";
    public const string Kind = "kind";
    public const string ParentCode = "parent_code";
    public const string Aliases = "aliases";
    public const string Active = "active";
    public const char AliasSeparator = '|';

    public static readonly IReadOnlyList<string> Columns = [Code, NameZh, NameEn, Kind, ParentCode, Aliases, Active];

    private static readonly string[] RequiredColumns = [Code, NameZh, NameEn, Kind];

    public static UnitCsvFile Read(TextReader reader, FileLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        limits ??= FileLimits.Default;
        var problems = new List<ImportProblem>();
        var rows = new List<UnitCsvRow>();
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            OnMalformedRecord = bad => problems.Add(new ImportProblem((int)bad.RecordNumber, null, $"badly quoted field ({bad.Reason})")),
        };
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        var header = ReadHeader(csv.Headers, problems);
        if (header is null)
        {
            return new UnitCsvFile(rows, problems);
        }

        while (csv.Read())
        {
            var row = (int)csv.RowNumber + 1; // as a spreadsheet numbers it: the header is row 1
            if (Refused(row, csv.FieldCount, limits) is { } refused)
            {
                problems.Add(new ImportProblem(row, null, refused));
                break;
            }

            if (csv.FieldCount != header.Count)
            {
                problems.Add(new ImportProblem(row, null, $"the row has {csv.FieldCount} fields but the header names {header.Count} columns"));
                continue;
            }

            // A cell the product wrote with a leading apostrophe (so no spreadsheet runs it as a formula) reads back as written.
            string Field(string column) => header.TryGetValue(column, out var index) ? SpreadsheetWriter.Restore((csv.GetString(index) ?? string.Empty).Trim()) : string.Empty;
            rows.Add(new UnitCsvRow(row, Field(Code), Field(NameZh), Field(NameEn), Field(Kind), Field(ParentCode), Field(Aliases), Field(Active)));
        }

        return new UnitCsvFile(rows, problems);
    }

    /// <summary>Writes the file with the product's one table writer, which never lets a cell become a formula.</summary>
    public static void Write(TextWriter writer, IEnumerable<UnitSnapshot> units)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(units);
        SpreadsheetWriter.WriteCsvRow(writer, Columns);
        foreach (var unit in units)
        {
            SpreadsheetWriter.WriteCsvRow(writer,
            [
                unit.Code, unit.NameZh, unit.NameEn, unit.Kind.ToString(), unit.ParentCode ?? string.Empty,
                string.Join(AliasSeparator, Unit.SplitAliases(unit.Aliases)), unit.IsActive ? "true" : "false",
            ]);
        }

        writer.Flush();
    }

    /// <summary>true/false, yes/no, 1/0 (any case); empty means active.</summary>
    public static bool? ParseActive(string text) => text.Trim().ToLowerInvariant() switch
    {
        "" or "true" or "yes" or "1" => true,
        "false" or "no" or "0" => false,
        _ => null,
    };

    /// <summary>Why the file is refused at this row (past the product's file limits), or null.</summary>
    private static string? Refused(int row, int fields, FileLimits limits)
    {
        if (row > limits.MaxRows)
        {
            return new FileRefusedException(nameof(FileLimits.MaxRows), limits.MaxRows, $"it has more than {limits.MaxRows:N0} rows").Message;
        }

        return fields > limits.MaxColumns
            ? new FileRefusedException(nameof(FileLimits.MaxColumns), limits.MaxColumns, $"row {row} has {fields:N0} fields").Message
            : null;
    }

    private static Dictionary<string, int>? ReadHeader(IReadOnlyList<string> names, List<ImportProblem> problems)
    {
        if (names.Count == 0 || names.All(string.IsNullOrWhiteSpace))
        {
            problems.Add(new ImportProblem(1, null, $"the file is empty; the first row must name the columns: {string.Join(',', Columns)}"));
            return null;
        }

        var header = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var valid = true;
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim().TrimStart('\uFEFF');
            if (!Columns.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add(new ImportProblem(1, name, $"unknown column; the columns are {string.Join(',', Columns)}"));
                valid = false;
            }
            else if (!header.TryAdd(name, i))
            {
                problems.Add(new ImportProblem(1, name, "the column appears twice"));
                valid = false;
            }
        }

        foreach (var required in RequiredColumns.Where(c => !header.ContainsKey(c)))
        {
            problems.Add(new ImportProblem(1, required, "the column is missing"));
            valid = false;
        }

        return valid ? header : null;
    }
}
