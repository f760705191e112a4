using System.Globalization;
using System.Text.RegularExpressions;

namespace Followthrough.Plans;

/// <summary>Checks shared by the API, the forms and the import, so a record is valid the same way wherever it comes from.</summary>
public static partial class PlanChecks
{
    public const int MaxCodeLength = 64;
    public const int MaxNameLength = 300;
    public const int MaxTextLength = 4000;
    public const int MaxMeasureLength = 40;
    public const int MaxNoteLength = 2000;
    public const decimal MaxWeight = 1000m;

    /// <summary>Codes are compared and stored in upper case, so "dl-14fyp" and "DL-14FYP" are the same plan.</summary>
    public static string NormalizeCode(string? code) => (code ?? string.Empty).Trim().ToUpperInvariant();

    /// <summary>Why a (normalized) code is unusable, or null.</summary>
    public static string? CodeProblem(string code, string what)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length == 0)
        {
            return $"The {what} code is required.";
        }

        return code.Length > MaxCodeLength || !CodePattern().IsMatch(code)
            ? $"The {what} code '{code}' must be 1 to {MaxCodeLength} letters, digits, dots, hyphens or underscores, starting with a letter or digit."
            : null;
    }

    /// <summary>Reads a number written in a file or form: invariant digits, an optional sign and decimal point, no thousands separators.</summary>
    public static bool TryReadNumber(string? text, out decimal value)
    {
        var trimmed = (text ?? string.Empty).Trim().Replace("，", string.Empty, StringComparison.Ordinal);
        return decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            && Math.Abs(value) < 1_000_000_000_000m;
    }

    /// <summary>A number as files write it: invariant, no trailing zeros, no exponent ("2.85", "300", "-0.5").</summary>
    public static string FormatNumber(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    public static string? FormatNumber(decimal? value) => value is { } v ? FormatNumber(v) : null;

    /// <summary>Plans link upwards only: an item may implement an item of a plan at a higher level (a lower enum value).</summary>
    public static bool CanImplement(PlanLevel implementing, PlanLevel implemented) => implemented < implementing;

    /// <summary>An item's children are of a later kind than the item (levels may be skipped); chapters have no parent.</summary>
    public static string? KindProblem(PlanItemKind kind, PlanItemKind? parentKind)
    {
        if (parentKind is null)
        {
            return null;
        }

        return kind <= parentKind
            ? $"A {PlanVocabulary.Word(kind)} cannot sit under a {PlanVocabulary.Word(parentKind.Value)} (the outline runs chapter, section, goal, key task, measure)."
            : null;
    }

    /// <summary>Checks the targets of an indicator against its direction: a range needs both bounds, other directions only one.</summary>
    public static string? TargetProblem(IndicatorDirection direction, decimal? value, decimal? upper, string what)
    {
        if (value is null)
        {
            return upper is null ? null : $"The {what} has an upper bound but no lower bound.";
        }

        if (direction == IndicatorDirection.WithinRange)
        {
            if (upper is null)
            {
                return $"The {what} of a 'keep within a range' indicator needs an upper bound.";
            }

            return upper < value ? $"The {what}'s upper bound is below its lower bound." : null;
        }

        return upper is null ? null : $"Only 'keep within a range' indicators have an upper bound for the {what}.";
    }

    /// <summary>Reads yearly targets written as "2021:2.9; 2022:3.0" (a range as "2021:3~4.5").</summary>
    internal static bool TryReadYearlyTargets(string? text, out SortedDictionary<int, TargetValue> targets, out string? problem)
    {
        targets = [];
        problem = null;
        foreach (var entry in (text ?? string.Empty).Split([';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split([':', '：', '='], 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                problem = $"'{entry}' is not a yearly target (write year:value, e.g. 2022:3.1; a range as 2022:3~4.5).";
                return false;
            }

            var bounds = parts[1].Split(['~', '～'], 2, StringSplitOptions.TrimEntries);
            if (!TryReadNumber(bounds[0], out var low))
            {
                problem = $"'{bounds[0]}' in the target for {year} is not a number.";
                return false;
            }

            decimal? high = null;
            if (bounds.Length == 2)
            {
                if (!TryReadNumber(bounds[1], out var h))
                {
                    problem = $"'{bounds[1]}' in the target for {year} is not a number.";
                    return false;
                }

                high = h;
            }

            if (!targets.TryAdd(year, new TargetValue(low, high)))
            {
                problem = $"The year {year} has more than one target.";
                return false;
            }
        }

        return true;
    }

    internal static string FormatYearlyTargets(IEnumerable<IndicatorTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return string.Join("; ", targets.OrderBy(t => t.Year).Select(t =>
            string.Create(CultureInfo.InvariantCulture, $"{t.Year}:{FormatNumber(t.Value)}{(t.UpperValue is { } u ? "~" + FormatNumber(u) : string.Empty)}")));
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
