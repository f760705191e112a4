namespace Followthrough.Directives.Extraction;

/// <summary>
/// English time limits: a trigger ("by", "before", "within", "in", "during", "at", "no later than") followed by
/// a target ("the end of June", "30 September", "2025", "the third quarter of next year", "20 working days",
/// "the 14th Five-Year Plan period"), or a phrase that stands alone ("as soon as possible", "this year").
/// </summary>
internal static class EnglishDeadlines
{
    private enum Trigger
    {
        By,
        Before,
        Within,
        In,
        At,
        Soon,
        ThisYear,
        NextYear,
    }

    private static readonly KeywordMatcher<Trigger> Triggers = new(
    [
        new("by", Trigger.By), new("no later than", Trigger.By), new("not later than", Trigger.By),
        new("on or before", Trigger.By), new("due by", Trigger.By), new("at the latest by", Trigger.By),
        new("before", Trigger.Before), new("prior to", Trigger.Before), new("ahead of", Trigger.Before),
        new("due before", Trigger.Before), new("within", Trigger.Within), new("in", Trigger.In),
        new("during", Trigger.In), new("at", Trigger.At), new("as soon as possible", Trigger.Soon),
        new("as early as possible", Trigger.Soon), new("without delay", Trigger.Soon),
        new("in a timely manner", Trigger.Soon), new("immediately", Trigger.Soon), new("at once", Trigger.Soon),
        new("promptly", Trigger.Soon), new("at the earliest possible date", Trigger.Soon),
        new("in the near future", Trigger.Soon), new("this year", Trigger.ThisYear), new("next year", Trigger.NextYear),
    ]);

    [ThreadStatic]
    private static List<KeywordHit<Trigger>>? t_hits;

    public static void Find(string text, TextSpan span, DeadlineContext context, List<DeadlineMatch> into)
    {
        var hits = t_hits ??= [];
        hits.Clear();
        Triggers.FindAll(text, span.Start, span.End, hits);
        if (hits.Count == 0)
        {
            return;
        }

        KeywordMatcher<Trigger>.KeepLongest(hits);
        var reached = span.Start;
        foreach (var hit in hits)
        {
            if (hit.Start < reached)
            {
                continue;
            }

            if (hit.Value is Trigger.By or Trigger.Before or Trigger.Within or Trigger.In or Trigger.At && !MayFollow(text, hit.End, span.End))
            {
                continue;
            }

            var cursor = new EnglishCursor(text, hit.End, span.End);
            DeadlineMatch? match = hit.Value switch
            {
                Trigger.Soon => new DeadlineMatch(new TextSpan(hit.Start, hit.End), null, true, false),
                Trigger.ThisYear => new DeadlineMatch(new TextSpan(hit.Start, hit.End), new DateOnly(context.Year, 12, 31), false, false),
                Trigger.NextYear => new DeadlineMatch(new TextSpan(hit.Start, hit.End), DeadlineContext.SafeDate(context.Year + 1, 12, 31), false, false),
                Trigger.Within => EnglishRelativeLimits.Within(ref cursor, context, hit.Start),
                _ => Target(ref cursor, context, hit.Value, hit.Start),
            };
            if (match is { } found)
            {
                into.Add(found);
                reached = found.Span.End;
            }
        }
    }

    /// <summary>
    /// A cheap look at the word after a trigger: a date or period can only start with a digit, "the", "end",
    /// "mid", "early", "late", "this", "next", "half", "year", a month, a festival or a number word.
    /// </summary>
    private static bool MayFollow(string text, int at, int end)
    {
        while (at < end && text[at] == ' ')
        {
            at++;
        }

        if (at >= end)
        {
            return false;
        }

        var c = text[at];
        if (CharClass.IsDigit(c) || c is '"' or '“')
        {
            return true;
        }

        var wordEnd = at;
        while (wordEnd < end && CharClass.IsAsciiLetter(text[wordEnd]))
        {
            wordEnd++;
        }

        return wordEnd > at && FollowLookup.Contains(text.AsSpan(at, wordEnd - at));
    }

    private static readonly HashSet<string> Follow = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "end", "mid", "early", "late", "this", "next", "half", "year", "q", "a", "an", "one", "two", "three", "four",
        "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
        "seventeen", "eighteen", "nineteen", "twenty", "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "spring", "lunar", "national", "new", "labour", "labor", "qingming", "chinese",
        "dragon", "mid-autumn", "q1", "q2", "q3", "q4", "year-end",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FollowLookup = Follow.GetAlternateLookup<ReadOnlySpan<char>>();

    private static DeadlineMatch? Target(ref EnglishCursor cursor, DeadlineContext context, Trigger trigger, int start)
    {
        var saved = cursor;
        var explicitLimit = trigger is Trigger.By or Trigger.Before or Trigger.At;

        // "the end of ..." / "end of ...": the last day of the period named.
        var probe = saved;
        probe.Word("the");
        if (probe.Word("end") && probe.Word("of"))
        {
            cursor = probe;
            var period = EnglishNamedPeriods.Period(ref cursor, context);
            return period is { } p ? Make(start, cursor, p.End, trigger != Trigger.In, p.RolledOver) : null;
        }

        if (trigger == Trigger.At)
        {
            return null;
        }

        probe = saved;
        probe.Word("the");
        if (probe.Word("year-end") || (probe.Word("year") && probe.Word("end")))
        {
            cursor = probe;
            return Make(start, cursor, new DateOnly(context.Year, 12, 31), true);
        }

        probe = saved;
        probe.Word("the");
        if (EnglishFestivals.Festival(ref probe))
        {
            cursor = probe;
            return trigger == Trigger.In ? null : Make(start, cursor, null, true);
        }

        cursor = saved;
        if (EnglishDates.DayOfMonth(ref cursor, context, out var day, out var rolledDay))
        {
            return trigger == Trigger.In ? null : Make(start, cursor, day, explicitLimit, rolledDay);
        }

        cursor = saved;
        if (EnglishNamedPeriods.Period(ref cursor, context) is not { } named)
        {
            return null;
        }

        if (trigger == Trigger.In && named.IsYear && named.End < context.DocumentDate)
        {
            return null;
        }

        var date = trigger == Trigger.Before && named.HasStart ? named.Start.AddDays(-1) : named.End;
        return Make(start, cursor, date, explicitLimit, named.RolledOver);
    }

    /// <summary>A time limit from <paramref name="start"/> to where the cursor stopped; shared by the readers of each form.</summary>
    internal static DeadlineMatch Make(int start, EnglishCursor cursor, DateOnly? date, bool explicitLimit, bool rolled = false) =>
        new(new TextSpan(start, cursor.Position), date == DateOnly.MaxValue ? null : date, explicitLimit, rolled);
}
