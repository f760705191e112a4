using System.Globalization;
using System.Text.RegularExpressions;

namespace Followthrough.Tasks;

/// <summary>A deadline as a decomposition table writes it, understood.</summary>
internal sealed record ParsedDeadline(DeadlineKind Kind, DateOnly? Date, int? WorkingDays);

/// <summary>
/// Reads deadlines the way decomposition tables write them: 2021年6月底前, 2021年6月30日, 2021-06-30, 2021年底,
/// 2021年上半年, 2021年第三季度, 2021年6月中旬, "20个工作日", "长期坚持" (no fixed deadline), or an Excel date cell.
/// </summary>
internal static partial class DeadlineText
{
    private static readonly string[] LongTerm = ["长期坚持", "长期", "持续推进", "持续", "常态化", "长期推进", "ongoing", "long-term", "long term"];

    /// <summary>The deadline, or null when the text is not a deadline we can read.</summary>
    public static ParsedDeadline? Parse(string? text)
    {
        var value = (text ?? string.Empty).Trim();
        if (value.Length == 0)
        {
            return null;
        }

        if (LongTerm.Any(l => value.Equals(l, StringComparison.OrdinalIgnoreCase)))
        {
            return new ParsedDeadline(DeadlineKind.None, null, null);
        }

        if (WorkingDaysPattern().Match(value) is { Success: true } days
            && int.TryParse(days.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            return new ParsedDeadline(DeadlineKind.WorkingDays, null, n);
        }

        // An Excel date cell arrives as its serial number (days since 1899-12-30).
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000)
        {
            return new ParsedDeadline(DeadlineKind.Date, DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial))), null);
        }

        var found = Find(value);
        return found is { } f && f.Index == 0 && IsOnlySuffix(value[(f.Index + f.Length)..])
            ? new ParsedDeadline(DeadlineKind.Date, f.Date, null)
            : null;
    }

    /// <summary>The first date written anywhere in the text, with where it stands (for time nodes like "2021年5月底前完成方案").</summary>
    public static (DateOnly Date, int Index, int Length)? Find(string? text)
    {
        foreach (var match in new[] { ChinesePattern().Match(text ?? string.Empty), IsoPattern().Match(text ?? string.Empty) }
                     .Where(m => m.Success).OrderBy(m => m.Index))
        {
            if (ToDate(match) is { } date)
            {
                return (date, match.Index, match.Length);
            }
        }

        return null;
    }

    private static bool IsOnlySuffix(string rest) =>
        rest.Trim().TrimEnd('。', '.').Trim() is "" or "完成" or "前完成" or "办结" or "完成任务";

    private static DateOnly? ToDate(Match m)
    {
        if (!int.TryParse(m.Groups["y"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1990 or > 2100)
        {
            return null;
        }

        if (m.Groups["half"].Success)
        {
            return m.Groups["half"].Value == "上半年" ? new DateOnly(year, 6, 30) : new DateOnly(year, 12, 31);
        }

        if (m.Groups["q"].Success)
        {
            var quarter = "一二三四".IndexOf(m.Groups["q"].Value, StringComparison.Ordinal) is var i and >= 0 ? i + 1 : int.Parse(m.Groups["q"].Value, CultureInfo.InvariantCulture);
            return new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(-1);
        }

        if (!m.Groups["m"].Success)
        {
            return new DateOnly(year, 12, 31); // 2021年底
        }

        var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            return null;
        }

        var last = DateTime.DaysInMonth(year, month);
        if (m.Groups["d"].Success)
        {
            var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            return day >= 1 && day <= last ? new DateOnly(year, month, day) : null;
        }

        return m.Groups["xun"].Value switch
        {
            "上旬" => new DateOnly(year, month, 10),
            "中旬" => new DateOnly(year, month, 20),
            _ => new DateOnly(year, month, last),
        };
    }

    [GeneratedRegex(@"^(?<n>\d{1,4})\s*(?:个)?\s*(?:工作日|working\s+days?)(?:内|之内)?$", RegexOptions.IgnoreCase)]
    private static partial Regex WorkingDaysPattern();

    [GeneratedRegex(@"(?<y>\d{4})\s*年\s*(?:(?<half>上半年|下半年)|第?(?<q>[一二三四1-4])\s*季度(?:末|底)?|(?<m>\d{1,2})\s*月\s*(?:(?<d>\d{1,2})\s*[日号]|(?<xun>上旬|中旬|下旬)|份?(?:底|末)?)|年?(?:底|末))(?:之前|以前|前)?")]
    private static partial Regex ChinesePattern();

    [GeneratedRegex(@"(?<y>\d{4})[-/.](?<m>\d{1,2})(?:[-/.](?<d>\d{1,2}))?(?!\d)(?:之前|以前|前)?")]
    private static partial Regex IsoPattern();
}
