using System.Globalization;
using Followthrough.Storage.Files;

namespace Followthrough.Services.Catalogue;

/// <summary>
/// Sheet "Fields" of the catalogue workbook: one form field a row, named by its item's code, in the form's order.
/// Choices are separated by ';'. A workbook without the sheet leaves every item's form as it is; with it, an item
/// with no rows there has no form.
/// </summary>
internal static class CatalogueFieldsSheet
{
    public const string Name = "Fields";
    public const string ItemCode = CatalogueFileLayout.ItemCode;
    public const string Key = "key";
    public const string LabelZh = "label_zh";
    public const string LabelEn = "label_en";
    public const string Type = "type";
    public const string Required = "required";
    public const string Choices = "choices";
    public const string MaxLength = "max_length";
    public const string Min = "min";
    public const string Max = "max";

    public static readonly string[] Columns = [ItemCode, Key, LabelZh, LabelEn, Type, Required, Choices, MaxLength, Min, Max];

    public static readonly string[] RequiredColumns = [ItemCode, Key, LabelZh, LabelEn, Type];

    /// <summary>Reads the rows into their items' field lists; every cell that cannot be read is a problem.</summary>
    public static void Read(TableSheet sheet, Dictionary<string, int> columns, List<FileRow> items, List<CatalogueFileProblem> problems)
    {
        foreach (var item in items)
        {
            item.Fields = [];
        }

        foreach (var (row, cell, item) in CatalogueFileLayout.ItemRows(sheet, Name, columns, items, problems))
        {
            bool? required = cell(Required).ToLowerInvariant() switch
            {
                "" or "no" or "false" or "0" or "否" => false,
                "yes" or "true" or "1" or "是" => true,
                _ => null,
            };
            if (required is null)
            {
                problems.Add(new(Name, row.Number, Required, $"\"{cell(Required)}\" is not yes or no."));
            }

            var maxLength = Number(cell(MaxLength), MaxLength, row.Number, problems);
            var min = Number(cell(Min), Min, row.Number, problems);
            var max = Number(cell(Max), Max, row.Number, problems);
            var choices = cell(Choices).Split([';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            item.Fields!.Add((row.Number, new FormFieldInput(
                cell(Key), cell(LabelZh), cell(LabelEn), cell(Type), required ?? false, choices, maxLength is { } m ? (int)Math.Min(m, int.MaxValue) : null, min, max)));
        }
    }

    /// <summary>The problems of fields[i] on the Fields row it came from; null when <paramref name="field"/> is not a form field's.</summary>
    public static IEnumerable<CatalogueFileProblem>? Problems(FileRow row, string field, string[] messages)
    {
        if (!field.StartsWith("fields", StringComparison.Ordinal) || row.Fields is null)
        {
            return null;
        }

        var at = field.StartsWith("fields[", StringComparison.Ordinal) ? int.Parse(field["fields[".Length..^1], CultureInfo.InvariantCulture) : -1;
        var number = at >= 0 && at < row.Fields.Count ? row.Fields[at].Row : row.Number;
        return messages.Select(m => new CatalogueFileProblem(at >= 0 ? Name : CatalogueFileLayout.ItemsSheet, number, at >= 0 ? Key : string.Empty, m));
    }

    public static TableSheet Write(IReadOnlyList<ServiceItemEntry> items)
    {
        var rows = new List<TableRow> { new(1, Columns) };
        foreach (var item in items)
        {
            foreach (var f in item.Fields)
            {
                rows.Add(new TableRow(rows.Count + 1,
                [
                    item.Code, f.Key, f.LabelZh, f.LabelEn, f.Type.ToString(), f.Required ? "yes" : "no", string.Join(';', f.Choices),
                    f.MaxLength?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, Text(f.Min), Text(f.Max),
                ]));
            }
        }

        return new TableSheet(Name, rows);
    }

    private static string Text(decimal? value) => value?.ToString("0.############", CultureInfo.InvariantCulture) ?? string.Empty;

    private static decimal? Number(string text, string column, int row, List<CatalogueFileProblem> problems)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add(new(Name, row, column, $"\"{text}\" is not a number."));
        return null;
    }
}
