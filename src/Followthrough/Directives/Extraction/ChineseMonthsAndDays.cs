namespace Followthrough.Directives.Extraction;

/// <summary>Months and days as time limits: 6月底前, 9月30日前, 6月中旬, 本月底, 每月25日前.</summary>
internal static class ChineseMonthsAndDays
{
    /// <summary>6月底前, 6月前, 6月份, 6月中旬, 9月30日前, 本月底, 下月.</summary>
    public static DeadlineMatch? MonthOrDay(ChineseReader months, int start, int? year, DeadlineContext context)
    {
        if (!Month(ref months, context, out var monthNumber, out var relativeMonth))
        {
            return null;
        }

        var monthYear = year ?? relativeMonth?.Year;
        var days = months;
        if (days.Number(out var day) && (days.Take("日") || days.Take("号")))
        {
            if (!(days.Take("前") || days.Take("之前") || days.Take("以前") || days.Take("为止")))
            {
                return null;
            }

            DateOnly? fixedDate = monthYear is { } dy ? DeadlineContext.SafeDate(dy, monthNumber, (int)Math.Min(day, 99)) : null;
            if (monthYear is null)
            {
                var inferred = context.InferYear(v => DeadlineContext.SafeDate(v, monthNumber, (int)Math.Min(day, 99)));
                return inferred.Date == DateOnly.MinValue ? null : ChineseDeadlines.Match(start, days, inferred.Date, true, inferred.RolledOver);
            }

            return fixedDate is { } exact ? ChineseDeadlines.Match(start, days, exact, true, false) : null;
        }

        int? dayOfMonth = null;
        var explicitMonth = true;
        if (months.Take("底") || months.Take("末") || months.Take("下旬"))
        {
            dayOfMonth = null;
        }
        else if (months.Take("上旬") || months.Take("初"))
        {
            dayOfMonth = 10;
        }
        else if (months.Take("中旬"))
        {
            dayOfMonth = 20;
        }
        else if (months.Take("份"))
        {
            explicitMonth = false;
        }
        else if (months.Take("内"))
        {
            explicitMonth = true;
        }
        else if (months.Take("前") || months.Take("之前") || months.Take("以前"))
        {
            var before = monthYear is { } by ? new DateOnly(by, monthNumber, 1) : context.InferYear(v => new DateOnly(v, monthNumber, 1)).Date;
            return ChineseDeadlines.Match(start, months, before.AddDays(-1), true, false);
        }
        else
        {
            return null;
        }

        months.Take("前");
        if (monthYear is { } my)
        {
            return ChineseDeadlines.Match(start, months, dayOfMonth is { } d1 ? new DateOnly(my, monthNumber, d1) : DeadlineContext.EndOfMonth(my, monthNumber), explicitMonth, false);
        }

        var resolved = context.InferYear(v => dayOfMonth is { } d2 ? new DateOnly(v, monthNumber, d2) : DeadlineContext.EndOfMonth(v, monthNumber));
        return ChineseDeadlines.Match(start, months, resolved.Date, explicitMonth, resolved.RolledOver);
    }

    /// <summary>每月25日前: the next such day on or after the document date.</summary>
    public static DeadlineMatch? EveryMonth(ref ChineseReader r, int start, DeadlineContext context)
    {
        if (!r.Number(out var day) || day is < 1 or > 31 || !(r.Take("日") || r.Take("号")))
        {
            return null;
        }

        if (!(r.Take("前") || r.Take("之前") || r.Take("以前")))
        {
            return null;
        }

        var date = DeadlineContext.SafeDate(context.Year, context.DocumentDate.Month, (int)Math.Min(day, 28));
        if (date is not { } value)
        {
            return null;
        }

        return new DeadlineMatch(new TextSpan(start, r.Position), value >= context.DocumentDate ? value : value.AddMonths(1), true, false);
    }

    private static bool Month(ref ChineseReader r, DeadlineContext context, out int month, out DateOnly? relative)
    {
        month = 0;
        relative = null;
        if (r.Take("本月") || r.Take("当月"))
        {
            month = context.DocumentDate.Month;
            relative = context.DocumentDate;
            return true;
        }

        if (r.Take("下月") || r.Take("下个月"))
        {
            relative = context.DocumentDate.AddMonths(1);
            month = relative.Value.Month;
            return true;
        }

        var bare = r;
        if (bare.Take("月") && bare.Peek() is '底' or '末')
        {
            // 月底前 with no month: this month.
            month = context.DocumentDate.Month;
            relative = context.DocumentDate;
            r = bare;
            return true;
        }

        var probe = r;
        if (probe.Number(out var n) && n is >= 1 and <= 12 && probe.Take("月"))
        {
            month = (int)n;
            r = probe;
            return true;
        }

        return false;
    }
}
