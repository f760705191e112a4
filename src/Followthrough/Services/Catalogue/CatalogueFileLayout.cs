using Followthrough.Storage.Files;

namespace Followthrough.Services.Catalogue;

/// <summary>
/// The catalogue as an Excel workbook: sheet "Items", one item a row, and sheet "Materials", one material a row
/// named by its item's code. Export and import use the same columns, so an exported file imports unchanged.
/// </summary>
internal static class CatalogueFileLayout
{
    public const string ItemsSheet = "Items";
    public const string MaterialsSheet = "Materials";

    public const string Code = "code";
    public const string NameZh = "name_zh";
    public const string NameEn = "name_en";
    public const string UnitCode = "unit_code";
    public const string Kind = "kind";
    public const string Level = "level";
    public const string StatutoryDays = "statutory_days";
    public const string CommittedDays = "committed_days";
    public const string Visits = "visits";
    public const string Fee = "fee";
    public const string AutoDecidable = "auto_decidable";
    public const string LifeEvents = "life_events";
    public const string LegalBasis = "legal_basis";
    public const string Withdrawn = "withdrawn";

    public const string ItemCode = "item_code";
    public const string Format = "format";
    public const string ElectronicLicence = "electronic_licence";

    public static readonly string[] ItemColumns =
        [Code, NameZh, NameEn, UnitCode, Kind, Level, StatutoryDays, CommittedDays, Visits, Fee, AutoDecidable, LifeEvents, LegalBasis, Withdrawn];

    public static readonly string[] MaterialColumns = [ItemCode, NameZh, NameEn, Format, ElectronicLicence];

    /// <summary>The column of the Items sheet that holds a rule's field.</summary>
    internal static string ItemColumnOf(string field) => field switch
    {
        "code" => Code,
        "nameZh" => NameZh,
        "nameEn" => NameEn,
        "unitId" => UnitCode,
        "kind" => Kind,
        "level" => Level,
        "statutoryDays" => StatutoryDays,
        "committedDays" => CommittedDays,
        "visits" => Visits,
        "fee" => Fee,
        "lifeEvents" => LifeEvents,
        "legalBasis" => LegalBasis,
        _ => field,
    };

    /// <summary>The non-empty rows of a sheet with one row per part of an item (its form fields, its review steps), each
    /// with its item (by the code in its item_code cell) and a reader of its cells; a row whose code names no row of the
    /// Items sheet is a problem on that row and is skipped.</summary>
    public static IEnumerable<(TableRow Row, Func<string, string> Cell, FileRow Item)> ItemRows(
        TableSheet sheet, string sheetName, Dictionary<string, int> columns, List<FileRow> items, List<CatalogueFileProblem> problems)
    {
        var byCode = items.Where(i => !string.IsNullOrEmpty(i.Input.Code)).GroupBy(i => i.Input.Code!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var row in sheet.Rows.Skip(1).Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))))
        {
            string Cell(string column) => columns.TryGetValue(column, out var i) && i < row.Cells.Count ? SpreadsheetWriter.Restore(row.Cells[i].Trim()) : string.Empty;
            var code = Cell(ItemCode);
            if (byCode.TryGetValue(code, out var item))
            {
                yield return (row, Cell, item);
            }
            else
            {
                problems.Add(new(sheetName, row.Number, ItemCode, code.Length == 0 ? "The item's code is required." : $"No row of the {ItemsSheet} sheet has the code {code}."));
            }
        }
    }
}

/// <summary>One bad cell (or a whole row or sheet when <see cref="Column"/> is empty): where it is and what is wrong.</summary>
public sealed record CatalogueFileProblem(string Sheet, int Row, string Column, string Message)
{
    public override string ToString() => Row > 0
        ? $"{Sheet} row {Row}{(Column.Length > 0 ? ", column " + Column : string.Empty)}: {Message}"
        : $"{Sheet}: {Message}";
}

/// <summary>What an import did (or, with a dry run, would do); nothing was written when there are problems.</summary>
public sealed record CatalogueImportResult(IReadOnlyList<CatalogueFileProblem> Problems, int Created, int Updated, int Unchanged, bool Written)
{
    public bool Succeeded => Problems.Count == 0;
}
