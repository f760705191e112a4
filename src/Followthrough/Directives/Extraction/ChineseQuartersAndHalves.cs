namespace Followthrough.Directives.Extraction;

/// <summary>Quarters and half-years as time limits, in the year named before them or the one inferred.</summary>
internal static class ChineseQuartersAndHalves
{
    /// <summary>上半年, 下半年前, 明年上半年末.</summary>
    public static DeadlineMatch? HalfYear(ChineseReader halves, int start, int? year, DeadlineContext context)
    {
        int? halfEnd = halves.Take("上半年") ? 6 : halves.Take("下半年") ? 12 : null;
        if (halfEnd is { } month)
        {
            var (date, rolled) = year is { } hy ? (DeadlineContext.EndOfMonth(hy, month), false) : context.InferYear(v => DeadlineContext.EndOfMonth(v, month));
            var explicitLimit = halves.Take("前") || halves.Take("末") || halves.Take("内");
            return ChineseDeadlines.Match(start, halves, date, explicitLimit, rolled);
        }

        return null;
    }

    /// <summary>三季度, 第三季度, 一季度末, 三季度前 (the day before it starts), 本季度, 季度末.</summary>
    public static DeadlineMatch? Quarter(ChineseReader quarters, int start, int? year, DeadlineContext context)
    {
        if (QuarterNumber(ref quarters, context, out var quarter))
        {
            var (end, rolled) = year is { } qy ? (DeadlineContext.EndOfQuarter(qy, quarter), false) : context.InferYear(v => DeadlineContext.EndOfQuarter(v, quarter));
            var closing = quarters.Take("末") || quarters.Take("底");
            if (quarters.Take("前") || quarters.Take("之前") || quarters.Take("以前"))
            {
                if (!closing)
                {
                    end = new DateOnly(end.Year, ((quarter - 1) * 3) + 1, 1).AddDays(-1);
                }

                return ChineseDeadlines.Match(start, quarters, end, true, rolled);
            }

            var within = quarters.Take("内");
            return ChineseDeadlines.Match(start, quarters, end, closing || within, rolled);
        }

        return null;
    }

    private static bool QuarterNumber(ref ChineseReader r, DeadlineContext context, out int quarter)
    {
        quarter = 0;
        var current = ((context.DocumentDate.Month - 1) / 3) + 1;
        if (r.Take("本季度") || r.Take("当季"))
        {
            quarter = current;
            return true;
        }

        var bare = r;
        if (bare.Take("季度") && bare.Peek() is '末' or '底')
        {
            // 季度末 with no number: the current quarter.
            r = bare;
            quarter = current;
            return true;
        }

        r.Take("第");
        if (!r.Number(out var n) || n is < 1 or > 4 || !r.Take("季度"))
        {
            return false;
        }

        quarter = (int)n;
        return true;
    }
}
