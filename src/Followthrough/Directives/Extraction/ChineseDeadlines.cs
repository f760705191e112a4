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
        var r = new ChineseReader(text, start, limit);
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

        if (first is '春' or '国' or '元' or '中' or '清' or '端' or '五' or '节' && ChineseFestivals.Before(r, start) is { } festival)
        {
            return festival;
        }

        if (first == '每')
        {
            return r.Take("每月") ? ChineseMonthsAndDays.EveryMonth(ref r, start, context) : null;
        }

        if (first is '“' or '"' or '十')
        {
            var plan = r;
            if (ChineseFiveYearPlans.FiveYearPlan(ref plan, out var planEnd, out var planExplicit))
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
            if (ChineseDurations.Duration(ref duration, context, out var until))
            {
                return new DeadlineMatch(new TextSpan(start, duration.Position), until == DateOnly.MaxValue ? null : until, true, false);
            }
        }

        return ChineseCalendarLimits.Calendar(ref r, start, context);
    }

    /// <summary>A time limit from <paramref name="start"/> to where the reader stopped; shared by the readers of each form.</summary>
    internal static DeadlineMatch Match(int start, ChineseReader r, DateOnly date, bool explicitLimit, bool rolled) =>
        new(new TextSpan(start, r.Position), date, explicitLimit, rolled);
}
