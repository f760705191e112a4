using System.Globalization;
using Followthrough.Storage.Files;

namespace Followthrough.Services.Catalogue;

/// <summary>
/// Sheet "ReviewSteps" of the catalogue workbook: one review step (审查环节) a row, named by its item's code, in the
/// steps' order, with its working days and duty (WindowOfficer, Reviewer or Approver). A workbook without the sheet
/// leaves every item's steps as they are; with it, an item with no rows there has no steps.
/// </summary>
internal static class CatalogueReviewStepsSheet
{
    public const string Name = "ReviewSteps";
    public const string ItemCode = CatalogueFileLayout.ItemCode;
    public const string NameZh = CatalogueFileLayout.NameZh;
    public const string NameEn = CatalogueFileLayout.NameEn;
    public const string Days = "working_days";
    public const string Duty = "duty";

    public static readonly string[] Columns = [ItemCode, NameZh, NameEn, Days, Duty];

    /// <summary>Reads the rows into their items' step lists; a cell that cannot be read (a days that is not a whole
    /// number, a code with no item) is a problem here, the rest is left to <see cref="ReviewStepRules"/>.</summary>
    public static void Read(TableSheet sheet, Dictionary<string, int> columns, List<FileRow> items, List<CatalogueFileProblem> problems)
    {
        foreach (var item in items)
        {
            item.ReviewSteps = [];
        }

        foreach (var (row, cell, item) in CatalogueFileLayout.ItemRows(sheet, Name, columns, items, problems))
        {
            int? days = null;
            if (int.TryParse(cell(Days), NumberStyles.None, CultureInfo.InvariantCulture, out var d))
            {
                days = d;
            }
            else
            {
                problems.Add(new(Name, row.Number, Days, cell(Days).Length == 0 ? "A whole number is required." : $"\"{cell(Days)}\" is not a whole number."));
                days = 1; // reported already; keeps the rules from saying it again
            }

            item.ReviewSteps!.Add((row.Number, new ReviewStepInput(cell(NameZh), cell(NameEn), days, cell(Duty))));
        }
    }

    /// <summary>The problems of reviewSteps[i] on the row it came from; null when <paramref name="field"/> is not a review step's.</summary>
    public static IEnumerable<CatalogueFileProblem>? Problems(FileRow row, string field, string[] messages)
    {
        if (!field.StartsWith("reviewSteps", StringComparison.Ordinal) || row.ReviewSteps is null)
        {
            return null;
        }

        var at = field.StartsWith("reviewSteps[", StringComparison.Ordinal) ? int.Parse(field["reviewSteps[".Length..^1], CultureInfo.InvariantCulture) : -1;
        if (at < 0)
        {
            // the sum past the committed limit belongs to the item's committed_days cell
            return messages.Select(m => new CatalogueFileProblem(CatalogueFileLayout.ItemsSheet, row.Number, CatalogueFileLayout.CommittedDays, m));
        }

        var number = at < row.ReviewSteps.Count ? row.ReviewSteps[at].Row : row.Number;
        return messages.Select(m => new CatalogueFileProblem(Name, number, Column(m), m));
    }

    public static TableSheet Write(IReadOnlyList<ServiceItemEntry> items)
    {
        var rows = new List<TableRow> { new(1, Columns) };
        foreach (var item in items)
        {
            foreach (var s in item.ReviewSteps)
            {
                rows.Add(new TableRow(rows.Count + 1, [item.Code, s.NameZh, s.NameEn, s.Days.ToString(CultureInfo.InvariantCulture), s.Duty.ToString()]));
            }
        }

        return new TableSheet(Name, rows);
    }

    private static string Column(string message) => message switch
    {
        ReviewStepRules.DaysRange => Days,
        ReviewStepRules.DutyUnknown => Duty,
        ReviewStepRules.NamesRequired => NameZh + "/" + NameEn,
        _ => string.Empty,
    };
}
