namespace Followthrough.Directives.Extraction;

/// <summary>
/// Chinese time limits, read character by character from any place a date can start: 2021年5月31日前, 6月底前,
/// 九月三十日前, 年底前, 2025年前, 明年三季度末, 第三季度末前, 上半年, 本月底, 20个工作日内, 3个月内, 半年内,
/// “十四五”期末, 春节前, 尽快. A date without 前/底/末/内 is an event, not a limit ("5月17日，市政府召开……"),
/// and "截至4月底" looks back, so neither counts.
/// </summary>
internal static class ChineseDeadlines
{
    private static readonly string[] Immediate = ["尽快", "尽早", "限期", "立即", "马上", "第一时间", "立行立改"];

    private static readonly string[] Festivals = ["春节", "国庆节", "国庆", "元旦", "中秋节", "清明节", "端午节", "五一", "节"];

    public static void Find(string text, TextSpan span, DeadlineContext context, List<DeadlineMatch> into)
    {
        var end = span.End;
        for (var i = span.Start; i < end; i++)
        {
            var c = text[i];
            if (!MayStart(c) || (i > span.Start && StartsInsideNumber(text[i - 1], c)))
            {
                continue;
            }

            if (i >= span.Start + 2 && text[i - 2] == '截' && text[i - 1] == '至')
            {
                continue;
            }

            if (!CharClass.IsDigit(c) && !Numerals.IsChineseDigit(c) && !PlausiblePair(c, i + 1 < end ? text[i + 1] : '\0'))
            {
                continue;
            }

            var match = Parse(text, i, end, context);
            if (match is { } counted && counted.Span.End < end && (CharClass.IsDigit(text[counted.Span.End]) || Numerals.IsChineseDigit(text[counted.Span.End])))
            {
                // 一年内两次逾期: a window for counting, not a time limit.
                match = null;
            }

            if (match is { } found)
            {
                into.Add(found);
                i = found.Span.End - 1;
            }
        }
    }

    // Every character a time limit can start with, as a lookup table: this test runs on every character of every sentence.
    private static readonly bool[] Starts = BuildStarts();

    private static bool MayStart(char c) => Starts[c];

    // The first two characters of every form that does not start with a number: 上半年, 本月, 年底, 春节, 尽快 ...
    private static readonly HashSet<int> Pairs = [.. new[]
    {
        "上半", "上年", "下半", "下月", "下个", "下季", "中秋", "国庆", "本月", "本年", "本季", "当月", "当季", "后年", "去年",
        "次年", "今年", "明年", "年底", "年末", "年内", "月底", "月末", "季度", "半年", "半个", "春节", "元旦", "节前", "节之",
        "节以", "清明", "端午", "尽快", "尽早", "限期", "立即", "立行", "马上", "第一", "第二", "第三", "第四", "第1", "第2",
        "第3", "第4", "每月", "“十", "\"十",
    }.Select(pair => (pair[0] << 16) | pair[1])];

    private static bool PlausiblePair(char first, char second) => Pairs.Contains((first << 16) | second);

    private static bool[] BuildStarts()
    {
        var starts = new bool[char.MaxValue + 1];
        foreach (var c in "0123456789０１２３４５６７８９〇零一二两三四五六七八九十百千今明本当下上年月季尽限立马第春国元节每半“\"中端清次去后")
        {
            starts[c] = true;
        }

        return starts;
    }

    private static bool StartsInsideNumber(char previous, char c) =>
        ((CharClass.IsDigit(previous) || Numerals.IsChineseDigit(previous)) && (CharClass.IsDigit(c) || Numerals.IsChineseDigit(c) || c is '年' or '月' or '日' or '季' or '个' or '周' or '天'))
        || previous == '第';

    private static DeadlineMatch? Parse(string text, int start, int limit, DeadlineContext context)
    {
        // Dispatch on the first character so that each position tries only the forms that can start there.
        var first = text[start];
        var r = new Reader(text, start, limit);
        if (first is '尽' or '限' or '立' or '马' or '第')
        {
            foreach (var word in Immediate)
            {
                if (r.Take(word))
                {
                    return new DeadlineMatch(new TextSpan(start, r.Position), null, true, false);
                }
            }
        }

        if (first is '春' or '国' or '元' or '中' or '清' or '端' or '五' or '节')
        {
            foreach (var name in Festivals)
            {
                var probe = r;
                if (probe.Take(name) && (probe.Take("前") || probe.Take("之前") || probe.Take("以前")))
                {
                    return new DeadlineMatch(new TextSpan(start, probe.Position), null, true, false);
                }
            }
        }

        if (first == '每')
        {
            return r.Take("每月") ? EveryMonth(ref r, start, context) : null;
        }

        if (first is '“' or '"' or '十')
        {
            var plan = r;
            if (FiveYearPlan(ref plan, out var planEnd, out var planExplicit))
            {
                return new DeadlineMatch(new TextSpan(start, plan.Position), new DateOnly(planEnd, 12, 31), planExplicit, false);
            }

            if (first != '十')
            {
                return null;
            }
        }

        if (CharClass.IsDigit(first) || Numerals.IsChineseDigit(first) || first == '半')
        {
            var duration = r;
            if (Duration(ref duration, context, out var until))
            {
                return new DeadlineMatch(new TextSpan(start, duration.Position), until == DateOnly.MaxValue ? null : until, true, false);
            }
        }

        return Calendar(ref r, start, context);
    }

    /// <summary>每月25日前: the next such day on or after the document date.</summary>
    private static DeadlineMatch? EveryMonth(ref Reader r, int start, DeadlineContext context)
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

    /// <summary>“十四五”期末, 十四五末: the end of the plan period; 十四五期间 only says when.</summary>
    private static bool FiveYearPlan(ref Reader r, out int endYear, out bool explicitLimit)
    {
        endYear = 0;
        explicitLimit = false;
        var quoted = r.Take("“") || r.Take("\"");
        if (!r.Take("十"))
        {
            return false;
        }

        var digit = r.Peek();
        var n = Numerals.ChineseValue(digit);
        if (n is < 1 or > 9 || !r.Skip(1) || !r.Take("五"))
        {
            return false;
        }

        if (quoted && !(r.Take("”") || r.Take("\"")))
        {
            return false;
        }

        r.Take("规划");
        endYear = DeadlineContext.FiveYearPlanEnd(10 + n);
        if (r.Take("期末") || r.Take("末期") || r.Take("末"))
        {
            explicitLimit = true;
            r.Take("前");
            return true;
        }

        return r.Take("期间") || r.Take("时期") || r.Take("期内");
    }

    /// <summary>20个工作日内, 7日内, 3个月内, 两周内, 半年内, 一年内.</summary>
    private static bool Duration(ref Reader r, DeadlineContext context, out DateOnly until)
    {
        until = default;
        long count;
        var half = false;
        if (r.Take("半"))
        {
            half = true;
            count = 1;
        }
        else if (!r.Number(out count) || count <= 0 || count > 100000)
        {
            return false;
        }

        r.Take("个");
        if (r.Take("工作日"))
        {
            until = half ? default : context.AddWorkingDays((int)count);
        }
        else if (r.Take("日") || r.Take("天"))
        {
            until = context.AddDays(count);
        }
        else if (r.Take("周") || r.Take("星期"))
        {
            until = context.AddDays(7 * count);
        }
        else if (r.Take("月"))
        {
            until = half ? context.AddDays(15) : context.AddMonths((int)Math.Min(count, 1200));
        }
        else if (r.Take("年"))
        {
            until = half ? context.AddMonths(6) : context.AddMonths((int)Math.Min(count, 100) * 12);
        }
        else
        {
            return false;
        }

        return until != default && (r.Take("内") || r.Take("以内") || r.Take("之内"));
    }

    /// <summary>Years, months, days, quarters and halves, followed by 底/末/旬/份 and 前/内.</summary>
    private static DeadlineMatch? Calendar(ref Reader r, int start, DeadlineContext context)
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
            return Match(start, yearEnd, new DateOnly(year ?? context.Year, 12, 31), true, false);
        }

        if (yearEnd.Take("年内") || (year is not null && (yearEnd.Take("内") || yearEnd.Take("以内"))))
        {
            return Match(start, yearEnd, new DateOnly(year ?? context.Year, 12, 31), true, false);
        }

        if (year is { } onlyYear && (yearEnd.Take("前") || yearEnd.Take("以前") || yearEnd.Take("之前")))
        {
            return Match(start, yearEnd, new DateOnly(onlyYear - 1, 12, 31), true, false);
        }

        // Halves.
        var halves = r;
        int? halfEnd = halves.Take("上半年") ? 6 : halves.Take("下半年") ? 12 : null;
        if (halfEnd is { } month)
        {
            var (date, rolled) = year is { } hy ? (DeadlineContext.EndOfMonth(hy, month), false) : context.InferYear(v => DeadlineContext.EndOfMonth(v, month));
            var explicitLimit = halves.Take("前") || halves.Take("末") || halves.Take("内");
            return Match(start, halves, date, explicitLimit, rolled);
        }

        // Quarters: 三季度, 第三季度, 一季度末, 三季度前, 本季度, 季度末.
        var quarters = r;
        if (Quarter(ref quarters, context, out var quarter))
        {
            var (end, rolled) = year is { } qy ? (DeadlineContext.EndOfQuarter(qy, quarter), false) : context.InferYear(v => DeadlineContext.EndOfQuarter(v, quarter));
            var closing = quarters.Take("末") || quarters.Take("底");
            if (quarters.Take("前") || quarters.Take("之前") || quarters.Take("以前"))
            {
                if (!closing)
                {
                    end = new DateOnly(end.Year, ((quarter - 1) * 3) + 1, 1).AddDays(-1);
                }

                return Match(start, quarters, end, true, rolled);
            }

            var within = quarters.Take("内");
            return Match(start, quarters, end, closing || within, rolled);
        }

        // Months: 6月底前, 6月前, 6月份, 6月中旬, 9月30日前, 本月底, 下月.
        var months = r;
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
                return inferred.Date == DateOnly.MinValue ? null : Match(start, days, inferred.Date, true, inferred.RolledOver);
            }

            return fixedDate is { } exact ? Match(start, days, exact, true, false) : null;
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
            return Match(start, months, before.AddDays(-1), true, false);
        }
        else
        {
            return null;
        }

        months.Take("前");
        if (monthYear is { } my)
        {
            return Match(start, months, dayOfMonth is { } d1 ? new DateOnly(my, monthNumber, d1) : DeadlineContext.EndOfMonth(my, monthNumber), explicitMonth, false);
        }

        var resolved = context.InferYear(v => dayOfMonth is { } d2 ? new DateOnly(v, monthNumber, d2) : DeadlineContext.EndOfMonth(v, monthNumber));
        return Match(start, months, resolved.Date, explicitMonth, resolved.RolledOver);
    }

    private static bool Quarter(ref Reader r, DeadlineContext context, out int quarter)
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

    private static bool Month(ref Reader r, DeadlineContext context, out int month, out DateOnly? relative)
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

    private static DeadlineMatch Match(int start, Reader r, DateOnly date, bool explicitLimit, bool rolled) =>
        new(new TextSpan(start, r.Position), date, explicitLimit, rolled);

    /// <summary>Reads characters from a position, never past the sentence's end.</summary>
    private struct Reader(string text, int position, int limit)
    {
        public int Position { get; private set; } = position;

        public readonly char Peek() => Position < limit ? text[Position] : '\0';

        public bool Take(string value)
        {
            if (Position + value.Length > limit || string.CompareOrdinal(text, Position, value, 0, value.Length) != 0)
            {
                return false;
            }

            Position += value.Length;
            return true;
        }

        public bool Skip(int count)
        {
            if (Position + count > limit)
            {
                return false;
            }

            Position += count;
            return true;
        }

        public bool Number(out long value)
        {
            value = 0;
            if (Position >= limit)
            {
                return false;
            }

            var read = Numerals.Read(text, Position, limit, out value);
            if (read == 0)
            {
                return false;
            }

            Position += read;
            return true;
        }
    }
}
