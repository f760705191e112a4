namespace Followthrough.Directives.Extraction;

/// <summary>
/// Time limits on the calendar: the year they name (2025年, 今年, 明年 ...) and the year-level forms (年底前, 年内,
/// 2025年前); halves, quarters, months and days are read by their own classes.
/// </summary>
internal static class ChineseCalendarLimits
{
    /// <summary>Years, months, days, quarters and halves, followed by 底/末/旬/份 and 前/内.</summary>
    public static DeadlineMatch? Calendar(ref ChineseReader r, int start, DeadlineContext context)
    {
        int? year = null;
        var probe = r;
        if (probe.Number(out var y) && probe.Take("年") && y >= 1000)
        {
            if (!DeadlineContext.ValidYear((int)y))
            {
                return null;
            }

            year = (int)y;
            r = probe;
        }
        else if (r.Take("今年") || r.Take("本年度") || r.Take("本年"))
        {
            year = context.Year;
        }
        else if (r.Take("明年") || r.Take("次年"))
        {
            year = context.Year + 1;
        }
        else if (r.Take("后年"))
        {
            year = context.Year + 2;
        }
        else if (r.Take("去年") || r.Take("上年"))
        {
            year = context.Year - 1;
        }

        // Year-level: 年底, 年末, 年内, 年中, and "2025年前".
        var yearEnd = r;
        if (yearEnd.Take("年底") || yearEnd.Take("年末") || (year is not null && (yearEnd.Take("底") || yearEnd.Take("末"))))
        {
            yearEnd.Take("前");
            return ChineseDeadlines.Match(start, yearEnd, new DateOnly(year ?? context.Year, 12, 31), true, false);
        }

        if (yearEnd.Take("年内") || (year is not null && (yearEnd.Take("内") || yearEnd.Take("以内"))))
        {
            return ChineseDeadlines.Match(start, yearEnd, new DateOnly(year ?? context.Year, 12, 31), true, false);
        }

        if (year is { } onlyYear && (yearEnd.Take("前") || yearEnd.Take("以前") || yearEnd.Take("之前")))
        {
            return ChineseDeadlines.Match(start, yearEnd, new DateOnly(onlyYear - 1, 12, 31), true, false);
        }

        return ChineseQuartersAndHalves.HalfYear(r, start, year, context)
            ?? ChineseQuartersAndHalves.Quarter(r, start, year, context)
            ?? ChineseMonthsAndDays.MonthOrDay(r, start, year, context);
    }
}
