using System.Globalization;
using System.Text.RegularExpressions;

namespace Followthrough.Evaluation;

/// <summary>
/// The stretch of time a bulletin covers (考核周期): a month "2026-07", a quarter "2026Q3", a year "2026", or any
/// stretch "2026-07-01..2026-09-30". <see cref="Key"/> is the canonical text, under which quality scores and
/// reward or accountability notes are filed, so "2026q3" and "2026-Q3" reach the same scores.
/// </summary>
public sealed partial record EvaluationPeriod(DateOnly From, DateOnly To, string Key)
{
    /// <summary>A bulletin looks at most this far: a few years is what offices compare.</summary>
    public const int MaxDays = 3660;

    public const string Formats = "a month (2026-07), a quarter (2026Q3), a year (2026) or from..to (2026-07-01..2026-09-30)";

    /// <summary>Reads period text; on failure <paramref name="error"/> says what was wrong in a sentence.</summary>
    public static bool TryParse(string? text, out EvaluationPeriod period, out string error)
    {
        var parsed = Read(text, out period, out error);
        if (!parsed && !error.Contains(Formats, StringComparison.Ordinal))
        {
            error += $" Write {Formats}.";
        }

        return parsed;
    }

    private static bool Read(string? text, out EvaluationPeriod period, out string error)
    {
        period = null!;
        error = string.Empty;
        var value = (text ?? string.Empty).Trim().ToUpperInvariant();
        if (value.Length == 0)
        {
            error = $"Give the period: {Formats}.";
            return false;
        }

        if (QuarterPattern().Match(value) is { Success: true } quarter)
        {
            var year = Number(quarter.Groups[1].Value);
            var q = Number(quarter.Groups[2].Value);
            if (q is < 1 or > 4 || !YearOk(year))
            {
                error = $"'{text}' is not a quarter: the quarter is 1 to 4 and the year 2000 to 2099.";
                return false;
            }

            var from = new DateOnly(year, (3 * (q - 1)) + 1, 1);
            period = new(from, from.AddMonths(3).AddDays(-1), $"{year}Q{q}");
            return true;
        }

        if (MonthPattern().Match(value) is { Success: true } month)
        {
            var year = Number(month.Groups[1].Value);
            var m = Number(month.Groups[2].Value);
            if (m is < 1 or > 12 || !YearOk(year))
            {
                error = $"'{text}' is not a month: the month is 01 to 12 and the year 2000 to 2099.";
                return false;
            }

            var from = new DateOnly(year, m, 1);
            period = new(from, from.AddMonths(1).AddDays(-1), $"{year}-{m:D2}");
            return true;
        }

        if (YearPattern().IsMatch(value))
        {
            var year = Number(value);
            if (!YearOk(year))
            {
                error = $"'{text}' is not a year from 2000 to 2099.";
                return false;
            }

            period = new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), value);
            return true;
        }

        if (RangePattern().Match(value) is { Success: true } range)
        {
            if (!DateOnly.TryParseExact(range.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                || !DateOnly.TryParseExact(range.Groups[2].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
            {
                error = $"'{text}' holds a date that does not exist; write dates as yyyy-MM-dd.";
                return false;
            }

            if (to < from || to.DayNumber - from.DayNumber > MaxDays || !YearOk(from.Year) || !YearOk(to.Year))
            {
                error = $"'{text}' must run forwards, within 2000–2099, over at most {MaxDays} days.";
                return false;
            }

            period = new(from, to, $"{from:yyyy-MM-dd}..{to:yyyy-MM-dd}");
            return true;
        }

        error = $"'{text}' is not a period. Write {Formats}.";
        return false;
    }

    /// <summary>The quarter holding <paramref name="day"/>.</summary>
    public static EvaluationPeriod QuarterOf(DateOnly day)
    {
        var q = ((day.Month - 1) / 3) + 1;
        var from = new DateOnly(day.Year, (3 * (q - 1)) + 1, 1);
        return new(from, from.AddMonths(3).AddDays(-1), $"{day.Year}Q{q}");
    }

    /// <summary>The quarter before this period's start.</summary>
    public EvaluationPeriod PreviousQuarter() => QuarterOf(From.AddMonths(-3));

    public override string ToString() => Key;

    /// <summary>The bulletin's file name without extension ("bulletin-2026Q1"; a stretch's ".." becomes "_").</summary>
    public string FileStem => $"bulletin-{Key.Replace("..", "_", StringComparison.Ordinal)}";

    private static bool YearOk(int year) => year is >= 2000 and <= 2099;

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d{4})\s*-?\s*Q\s*(\d)$")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^(\d{4})-(\d{1,2})$")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})\s*(?:\.\.|/|~|TO)\s*(\d{4}-\d{2}-\d{2})$")]
    private static partial Regex RangePattern();
}
