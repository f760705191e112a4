using System.Globalization;

namespace Followthrough.Plans.Files;

/// <summary>
/// Reads the cells of a plan file as codes, texts, choices, units, numbers and years, and keeps every problem found,
/// named by the sheet, row and the header the user wrote, so the whole file is reported at once.
/// </summary>
internal sealed class CellReader(UnitDirectory units)
{
    private readonly List<ImportProblem> _problems = [];

    public IReadOnlyList<ImportProblem> Problems => _problems;

    /// <summary>How many problems have been found so far; a check compares it before and after a row.</summary>
    public int Count => _problems.Count;

    public void Add(MappedSheet sheet, int row, string column, string message) =>
        _problems.Add(new ImportProblem(sheet.Name, row, sheet.Headers.GetValueOrDefault(column, column), message));

    public string? Code(MappedSheet sheet, SheetRow row, string column, string what)
    {
        var code = PlanChecks.NormalizeCode(sheet.Cell(row, column));
        if (PlanChecks.CodeProblem(code, what) is { } problem)
        {
            Add(sheet, row.Number, column, problem);
            return null;
        }

        return code;
    }

    public string? Text(MappedSheet sheet, SheetRow row, string column, int maxLength, bool required = false)
    {
        var text = sheet.Cell(row, column);
        if (required && text.Length == 0)
        {
            Add(sheet, row.Number, column, $"{column} is required.");
            return null;
        }

        if (text.Length > maxLength)
        {
            Add(sheet, row.Number, column, $"{column} must be at most {maxLength} characters (it has {text.Length}).");
            return null;
        }

        return text;
    }

    public TEnum? Choice<TEnum>(MappedSheet sheet, SheetRow row, string column) where TEnum : struct, Enum
    {
        var text = sheet.Cell(row, column);
        if (PlanVocabulary.TryRead<TEnum>(text, out var value))
        {
            return value;
        }

        Add(sheet, row.Number, column, text.Length == 0
            ? $"{column} is required: {PlanVocabulary.Choices<TEnum>()}."
            : $"'{text}' is not a {column}; use one of: {PlanVocabulary.Choices<TEnum>()}.");
        return null;
    }

    public int? Unit(MappedSheet sheet, SheetRow row, string column, bool required)
    {
        var text = sheet.Cell(row, column);
        if (text.Length == 0 && !required)
        {
            return null;
        }

        var unit = units.Resolve(text, out var problem);
        if (unit is null)
        {
            Add(sheet, row.Number, column, problem!);
        }

        return unit?.Id;
    }

    public decimal? Number(MappedSheet sheet, SheetRow row, string column, bool required)
    {
        var text = sheet.Cell(row, column);
        if (text.Length == 0)
        {
            if (required)
            {
                Add(sheet, row.Number, column, $"{column} is required.");
            }

            return null;
        }

        if (!PlanChecks.TryReadNumber(text, out var value))
        {
            Add(sheet, row.Number, column, $"'{text}' is not a number.");
            return null;
        }

        return value;
    }

    public int? Year(MappedSheet sheet, SheetRow row, string column, bool required)
    {
        var value = Integer(sheet, row, column, 1949, 2200);
        if (value is null && required && sheet.Cell(row, column).Length == 0)
        {
            Add(sheet, row.Number, column, $"{column} is required.");
        }

        return value;
    }

    public int? Integer(MappedSheet sheet, SheetRow row, string column, int min, int max)
    {
        var text = sheet.Cell(row, column);
        if (text.Length == 0)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Add(sheet, row.Number, column, $"'{text}' is not a whole number.");
            return null;
        }

        if (value < min || value > max)
        {
            Add(sheet, row.Number, column, $"{value} is out of range ({min}–{max}).");
            return null;
        }

        return value;
    }

    /// <summary>A cell that lists several names, separated the ways people write lists in Chinese and English.</summary>
    public static string[] SplitList(string text) =>
        text.Split([';', '；', '、', ',', '，', '|', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
