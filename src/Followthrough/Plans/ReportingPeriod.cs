using System.Globalization;
using System.Text.RegularExpressions;

namespace Followthrough.Plans;

/// <summary>
/// The period an actual value is reported for: a year ("2023"), a quarter ("2023-Q2") or a month ("2023-05"),
/// according to the indicator's <see cref="ReportingFrequency"/>. Periods of one frequency are ordered in time.
/// </summary>
public readonly partial record struct ReportingPeriod : IComparable<ReportingPeriod>
{
    public ReportingPeriod(ReportingFrequency frequency, int year, int subPeriod = 0)
    {
        if (year is < 1900 or > 2200)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "A year between 1900 and 2200 is expected.");
        }

        var (min, max) = SubPeriodRange(frequency);
        if (subPeriod < min || subPeriod > max)
        {
            throw new ArgumentOutOfRangeException(nameof(subPeriod), subPeriod, $"A {frequency} period has a part between {min} and {max}.");
        }

        Frequency = frequency;
        Year = year;
        SubPeriod = subPeriod;
    }

    public ReportingFrequency Frequency { get; }

    public int Year { get; }

    /// <summary>0 for a year, the quarter (1–4), or the month (1–12).</summary>
    public int SubPeriod { get; }

    /// <summary>Periods per year: 1, 4 or 12.</summary>
    public static int PerYear(ReportingFrequency frequency) => frequency switch
    {
        ReportingFrequency.Quarterly => 4,
        ReportingFrequency.Monthly => 12,
        _ => 1,
    };

    /// <summary>The last day of the period.</summary>
    public DateOnly EndDate => Frequency switch
    {
        ReportingFrequency.Quarterly => new DateOnly(Year, SubPeriod * 3, 1).AddMonths(1).AddDays(-1),
        ReportingFrequency.Monthly => new DateOnly(Year, SubPeriod, 1).AddMonths(1).AddDays(-1),
        _ => new DateOnly(Year, 12, 31),
    };

    /// <summary>
    /// The day by which the actual value is due. Statistics take time to compile, so each frequency has a grace
    /// period after the period ends: a year's figure by 31 March of the next year, a quarter's by the end of the month
    /// after the quarter, a month's by the 15th of the next month. After that day a missing figure is overdue.
    /// </summary>
    public DateOnly DueDate => Frequency switch
    {
        ReportingFrequency.Quarterly => EndDate.AddDays(1).AddMonths(1).AddDays(-1),
        ReportingFrequency.Monthly => EndDate.AddDays(15),
        _ => new DateOnly(Year + 1, 3, 31),
    };

    /// <summary>
    /// Position on a time axis measured in years, where the end of year Y is exactly Y: the end of 2023 is 2023.0,
    /// the end of its second quarter 2022.5. Used to place actuals on the straight path between baseline and target.
    /// </summary>
    public decimal TimeInYears => Year - 1 + ((decimal)(Frequency == ReportingFrequency.Yearly ? 1 : SubPeriod) / PerYear(Frequency));

    public ReportingPeriod Previous() => Frequency == ReportingFrequency.Yearly || SubPeriod == 1
        ? new ReportingPeriod(Frequency, Year - 1, Frequency == ReportingFrequency.Yearly ? 0 : PerYear(Frequency))
        : new ReportingPeriod(Frequency, Year, SubPeriod - 1);

    public ReportingPeriod Next() => Frequency == ReportingFrequency.Yearly || SubPeriod == PerYear(Frequency)
        ? new ReportingPeriod(Frequency, Year + 1, Frequency == ReportingFrequency.Yearly ? 0 : 1)
        : new ReportingPeriod(Frequency, Year, SubPeriod + 1);

    /// <summary>The first period of a year at this frequency.</summary>
    public static ReportingPeriod FirstOf(ReportingFrequency frequency, int year) =>
        new(frequency, year, frequency == ReportingFrequency.Yearly ? 0 : 1);

    /// <summary>The last period of a year at this frequency.</summary>
    public static ReportingPeriod LastOf(ReportingFrequency frequency, int year) =>
        new(frequency, year, frequency == ReportingFrequency.Yearly ? 0 : PerYear(frequency));

    /// <summary>Every period from the first of <paramref name="fromYear"/> to the last of <paramref name="toYear"/>.</summary>
    public static IEnumerable<ReportingPeriod> Span(ReportingFrequency frequency, int fromYear, int toYear)
    {
        for (var year = fromYear; year <= toYear; year++)
        {
            var first = FirstOf(frequency, year);
            for (var p = first; p.Year == year; p = p.Next())
            {
                yield return p;
            }
        }
    }

    public int CompareTo(ReportingPeriod other) => Year != other.Year ? Year.CompareTo(other.Year) : SubPeriod.CompareTo(other.SubPeriod);

    public static bool operator <(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) < 0;

    public static bool operator >(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) > 0;

    public static bool operator <=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) >= 0;

    /// <summary>"2023", "2023-Q2" or "2023-05".</summary>
    public override string ToString() => Frequency switch
    {
        ReportingFrequency.Quarterly => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{SubPeriod}"),
        ReportingFrequency.Monthly => string.Create(CultureInfo.InvariantCulture, $"{Year}-{SubPeriod:D2}"),
        _ => Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The period in the reader's language: 2023年第2季度 / 2023 Q2.</summary>
    public string Display(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var zh = culture.TwoLetterISOLanguageName == "zh";
        return Frequency switch
        {
            ReportingFrequency.Quarterly => zh ? $"{Year}年第{SubPeriod}季度" : $"{Year} Q{SubPeriod}",
            ReportingFrequency.Monthly => zh ? $"{Year}年{SubPeriod}月" : new DateOnly(Year, SubPeriod, 1).ToString("MMM yyyy", CultureInfo.InvariantCulture),
            _ => zh ? $"{Year}年" : Year.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>
    /// Reads a period for an indicator of the given frequency: "2023" or "2023年" (yearly); "2023-Q2", "2023Q2" or
    /// "2023年第2季度" (quarterly); "2023-05", "2023-5" or "2023年5月" (monthly). A form that does not fit the frequency
    /// is refused, with the reason in <paramref name="problem"/>.
    /// </summary>
    public static bool TryParse(string? text, ReportingFrequency frequency, out ReportingPeriod period, out string? problem)
    {
        period = default;
        problem = null;
        var value = (text ?? string.Empty).Trim();
        var match = frequency switch
        {
            ReportingFrequency.Quarterly => QuarterPattern().Match(value),
            ReportingFrequency.Monthly => MonthPattern().Match(value),
            _ => YearPattern().Match(value),
        };
        if (!match.Success)
        {
            problem = $"'{value}' is not {Example(frequency)}.";
            return false;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var sub = match.Groups["sub"].Success ? int.Parse(match.Groups["sub"].Value, CultureInfo.InvariantCulture) : 0;
        var (min, max) = SubPeriodRange(frequency);
        if (year is < 1900 or > 2200 || sub < min || sub > max)
        {
            problem = $"'{value}' is not {Example(frequency)}.";
            return false;
        }

        period = new ReportingPeriod(frequency, year, sub);
        return true;
    }

    public static ReportingPeriod Parse(string text, ReportingFrequency frequency) =>
        TryParse(text, frequency, out var period, out var problem) ? period : throw new FormatException(problem);

    public static string Example(ReportingFrequency frequency) => frequency switch
    {
        ReportingFrequency.Quarterly => "a quarter such as 2023-Q2 (this indicator is reported quarterly)",
        ReportingFrequency.Monthly => "a month such as 2023-05 (this indicator is reported monthly)",
        _ => "a year such as 2023 (this indicator is reported yearly)",
    };

    [GeneratedRegex(@"^(?<year>\d{4})\s*年?$", RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^(?<year>\d{4})\s*(?:-?\s*[Qq]|年\s*第?|-)\s*(?<sub>\d)\s*(?:季度)?$", RegexOptions.CultureInvariant)]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^(?<year>\d{4})\s*(?:-|/|年)\s*(?<sub>\d{1,2})\s*月?$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthPattern();

    private static (int Min, int Max) SubPeriodRange(ReportingFrequency frequency) => frequency switch
    {
        ReportingFrequency.Quarterly => (1, 4),
        ReportingFrequency.Monthly => (1, 12),
        _ => (0, 0),
    };
}
