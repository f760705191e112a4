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

    private static readonly string[] OrdinalWords = ["first", "second", "third", "fourth"];

    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static readonly string[][] Festivals =
    [
        ["spring", "festival"], ["lunar", "new", "year"], ["national", "day"], ["new", "year's", "day"],
        ["mid-autumn", "festival"], ["dragon", "boat", "festival"], ["labour", "day"], ["labor", "day"],
        ["qingming", "festival"], ["chinese", "new", "year"],
    ];

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

            var cursor = new Cursor(text, hit.End, span.End);
            DeadlineMatch? match = hit.Value switch
            {
                Trigger.Soon => new DeadlineMatch(new TextSpan(hit.Start, hit.End), null, true, false),
                Trigger.ThisYear => new DeadlineMatch(new TextSpan(hit.Start, hit.End), new DateOnly(context.Year, 12, 31), false, false),
                Trigger.NextYear => new DeadlineMatch(new TextSpan(hit.Start, hit.End), DeadlineContext.SafeDate(context.Year + 1, 12, 31), false, false),
                Trigger.Within => Within(ref cursor, context, hit.Start),
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

    private static DeadlineMatch? Within(ref Cursor cursor, DeadlineContext context, int start)
    {
        var saved = cursor;
        if (cursor.Word("the") || cursor.Word("this"))
        {
            if (cursor.Word("year"))
            {
                return Make(start, cursor, new DateOnly(context.Year, 12, 31), true);
            }

            if (cursor.Word("month"))
            {
                return Make(start, cursor, DeadlineContext.EndOfMonth(context.Year, context.DocumentDate.Month), true);
            }

            if (cursor.Word("quarter"))
            {
                return Make(start, cursor, DeadlineContext.EndOfQuarter(context.Year, ((context.DocumentDate.Month - 1) / 3) + 1), true);
            }
        }

        cursor = saved;
        if (cursor.Word("half") && cursor.Word("a") && cursor.Word("year"))
        {
            return Make(start, cursor, context.AddMonths(6), true);
        }

        cursor = saved;
        cursor.Word("the");
        cursor.Word("next");
        if (!cursor.Number(out var count) || count <= 0)
        {
            return null;
        }

        var working = cursor.Word("working") || cursor.Word("business");
        if (!working)
        {
            _ = cursor.Word("calendar") || cursor.Word("natural");
        }

        DateOnly date;
        if (cursor.Word("day") || cursor.Word("days"))
        {
            date = working ? context.AddWorkingDays(count) : context.AddDays(count);
        }
        else if (!working && (cursor.Word("week") || cursor.Word("weeks")))
        {
            date = context.AddDays(7L * count);
        }
        else if (!working && (cursor.Word("month") || cursor.Word("months")))
        {
            date = context.AddMonths(count);
        }
        else if (!working && (cursor.Word("year") || cursor.Word("years")))
        {
            date = context.AddMonths(12 * Math.Min(count, 100));
        }
        else
        {
            return null;
        }

        return Make(start, cursor, date, true);
    }

    private static DeadlineMatch? Target(ref Cursor cursor, DeadlineContext context, Trigger trigger, int start)
    {
        var saved = cursor;
        var explicitLimit = trigger is Trigger.By or Trigger.Before or Trigger.At;

        // "the end of ..." / "end of ...": the last day of the period named.
        var probe = saved;
        probe.Word("the");
        if (probe.Word("end") && probe.Word("of"))
        {
            cursor = probe;
            var period = Period(ref cursor, context);
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
        if (Festival(ref probe))
        {
            cursor = probe;
            return trigger == Trigger.In ? null : Make(start, cursor, null, true);
        }

        cursor = saved;
        if (DayOfMonth(ref cursor, context, out var day, out var rolledDay))
        {
            return trigger == Trigger.In ? null : Make(start, cursor, day, explicitLimit, rolledDay);
        }

        cursor = saved;
        if (Period(ref cursor, context) is not { } named)
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

    private readonly record struct NamedPeriod(DateOnly Start, DateOnly End, bool HasStart, bool IsYear, bool RolledOver);

    /// <summary>
    /// A named period: June [2021], 2025, the year, this/next year, the month, next month, the (third) quarter [of
    /// next year], Q3, the first half [of the year], the 14th Five-Year Plan [period].
    /// </summary>
    private static NamedPeriod? Period(ref Cursor cursor, DeadlineContext context)
    {
        var saved = cursor;
        if (cursor.Month(out var month))
        {
            if (cursor.Year(out var explicitYear))
            {
                return new NamedPeriod(new DateOnly(explicitYear, month, 1), DeadlineContext.EndOfMonth(explicitYear, month), true, false, false);
            }

            var (end, rolled) = context.InferYear(y => DeadlineContext.EndOfMonth(y, month));
            return new NamedPeriod(new DateOnly(end.Year, month, 1), end, true, false, rolled);
        }

        if (cursor.Year(out var year))
        {
            return new NamedPeriod(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), true, true, false);
        }

        var the = cursor.Word("the");
        var next = !the && cursor.Word("next");
        var current = !the && !next && cursor.Word("this");
        if (cursor.Word("year") || (the && cursor.Word("current") && cursor.Word("year")))
        {
            var y = next ? context.Year + 1 : context.Year;
            return new NamedPeriod(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), true, true, false);
        }

        if (cursor.Word("month"))
        {
            var month0 = context.DocumentDate.AddMonths(next ? 1 : 0);
            return new NamedPeriod(new DateOnly(month0.Year, month0.Month, 1), DeadlineContext.EndOfMonth(month0.Year, month0.Month), true, false, false);
        }

        if ((the || current || next) && cursor.Word("quarter"))
        {
            var q = ((context.DocumentDate.Month - 1) / 3) + 1 + (next ? 1 : 0);
            var qy = context.Year + ((q - 1) / 4);
            q = ((q - 1) % 4) + 1;
            return Quarter(qy, q, false);
        }

        if (the)
        {
            cursor.Quote();
        }

        if (the && cursor.Ordinal(out var ordinal))
        {
            if (ordinal is >= 1 and <= 4 && cursor.Word("quarter"))
            {
                return QuarterOf(ref cursor, context, ordinal);
            }

            if (ordinal is 1 or 2 && cursor.Word("half"))
            {
                return HalfOf(ref cursor, context, ordinal);
            }

            if (ordinal >= 10 && ordinal <= 20 && FiveYearPlan(ref cursor))
            {
                var endYear = DeadlineContext.FiveYearPlanEnd(ordinal);
                return new NamedPeriod(new DateOnly(endYear - 4, 1, 1), new DateOnly(endYear, 12, 31), false, false, false);
            }

            return null;
        }

        cursor = saved;
        if (cursor.QuarterCode(out var code))
        {
            return QuarterOf(ref cursor, context, code);
        }

        cursor = saved;
        return null;
    }

    private static NamedPeriod QuarterOf(ref Cursor cursor, DeadlineContext context, int quarter)
    {
        if (OfYear(ref cursor, context, out var year))
        {
            return Quarter(year, quarter, false);
        }

        var (end, rolled) = context.InferYear(y => DeadlineContext.EndOfQuarter(y, quarter));
        return Quarter(end.Year, quarter, rolled);
    }

    private static NamedPeriod Quarter(int year, int quarter, bool rolled) =>
        new(new DateOnly(year, ((quarter - 1) * 3) + 1, 1), DeadlineContext.EndOfQuarter(year, quarter), true, false, rolled);

    private static NamedPeriod HalfOf(ref Cursor cursor, DeadlineContext context, int half)
    {
        if (!OfYear(ref cursor, context, out var year))
        {
            var (end, _) = context.InferYear(y => DeadlineContext.EndOfMonth(y, half * 6));
            year = end.Year;
        }

        return new NamedPeriod(new DateOnly(year, half == 1 ? 1 : 7, 1), DeadlineContext.EndOfMonth(year, half * 6), true, false, false);
    }

    /// <summary>"of the year", "of this year", "of next year", "of 2022", or nothing.</summary>
    private static bool OfYear(ref Cursor cursor, DeadlineContext context, out int year)
    {
        year = context.Year;
        var saved = cursor;
        if (!cursor.Word("of"))
        {
            return false;
        }

        if (cursor.Year(out year))
        {
            return true;
        }

        year = context.Year;
        if (cursor.Word("next") && cursor.Word("year"))
        {
            year = context.Year + 1;
            return true;
        }

        var probe = saved;
        probe.Word("of");
        if ((probe.Word("the") || probe.Word("this")) && probe.Word("year"))
        {
            cursor = probe;
            return true;
        }

        cursor = saved;
        return false;
    }

    private static bool FiveYearPlan(ref Cursor cursor)
    {
        cursor.Quote();
        if (!(cursor.Word("five-year") || (cursor.Word("five") && cursor.Dash() && cursor.Word("year"))) || !cursor.Word("plan"))
        {
            return false;
        }

        cursor.Quote();
        _ = cursor.Word("period");
        return true;
    }

    private static bool Festival(ref Cursor cursor)
    {
        foreach (var festival in Festivals)
        {
            var probe = cursor;
            if (probe.Phrase(festival))
            {
                cursor = probe;
                return true;
            }
        }

        return false;
    }

    /// <summary>"30 September [2021]", "September 30[, 2021]", "the 25th [of June | of every month]".</summary>
    private static bool DayOfMonth(ref Cursor cursor, DeadlineContext context, out DateOnly? date, out bool rolled)
    {
        date = null;
        rolled = false;
        var saved = cursor;
        int month, day;
        if (cursor.Month(out month))
        {
            if (!cursor.Day(out day))
            {
                cursor = saved;
                return false;
            }
        }
        else
        {
            cursor.Word("the");
            if (!cursor.Day(out day))
            {
                cursor = saved;
                return false;
            }

            var afterDay = cursor;
            cursor.Word("of");
            if (!cursor.Month(out month))
            {
                var every = cursor.Word("every") || cursor.Word("each");
                if (every && cursor.Word("month"))
                {
                    var candidate = DeadlineContext.SafeDate(context.Year, context.DocumentDate.Month, Math.Min(day, 28));
                    if (candidate is not { } value)
                    {
                        cursor = saved;
                        return false;
                    }

                    date = value >= context.DocumentDate ? value : value.AddMonths(1);
                    return true;
                }

                cursor = afterDay;
                return false;
            }
        }

        var probe = cursor;
        probe.Comma();
        if (probe.Year(out var year))
        {
            cursor = probe;
            date = DeadlineContext.SafeDate(year, month, day);
            return date is not null;
        }

        var inferred = context.InferYear(y => DeadlineContext.SafeDate(y, month, day));
        if (inferred.Date == DateOnly.MinValue)
        {
            cursor = saved;
            return false;
        }

        (date, rolled) = (inferred.Date, inferred.RolledOver);
        return true;
    }

    private static DeadlineMatch Make(int start, Cursor cursor, DateOnly? date, bool explicitLimit, bool rolled = false) =>
        new(new TextSpan(start, cursor.Position), date == DateOnly.MaxValue ? null : date, explicitLimit, rolled);

    /// <summary>Reads English words from a position, case-insensitively, never past the sentence's end.</summary>
    private struct Cursor(string text, int position, int limit)
    {
        public int Position { get; private set; } = position;

        public bool Word(string word)
        {
            var i = SkipSpaces();
            if (i + word.Length > limit || string.Compare(text, i, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) != 0)
            {
                return false;
            }

            var end = i + word.Length;
            if (CharClass.IsWordChar(word[^1]) && end < limit && CharClass.IsWordChar(text[end]))
            {
                return false;
            }

            Position = end;
            return true;
        }

        public bool Phrase(string[] phrase)
        {
            var saved = Position;
            foreach (var word in phrase)
            {
                if (!Word(word))
                {
                    Position = saved;
                    return false;
                }
            }

            return true;
        }

        public bool Comma()
        {
            var i = SkipSpaces();
            if (i < limit && text[i] == ',')
            {
                Position = i + 1;
                return true;
            }

            return false;
        }

        public bool Dash()
        {
            if (Position < limit && text[Position] == '-')
            {
                Position++;
                return true;
            }

            return false;
        }

        public void Quote()
        {
            var i = SkipSpaces();
            if (i < limit && text[i] is '"' or '“' or '”')
            {
                Position = i + 1;
            }
        }

        public bool Number(out int value)
        {
            value = 0;
            var i = SkipSpaces();
            if (i < limit && CharClass.IsDigit(text[i]))
            {
                var read = Numerals.Read(text, i, limit, out var number);
                if (read == 0 || number > 100000 || (i + read < limit && CharClass.IsWordChar(text[i + read])))
                {
                    return false;
                }

                value = (int)number;
                Position = i + read;
                return true;
            }

            var end = i;
            while (end < limit && CharClass.IsAsciiLetter(text[end]))
            {
                end++;
            }

            var word = Numerals.EnglishWord(text.AsSpan(i, end - i));
            if (word <= 0)
            {
                return false;
            }

            value = word;
            Position = end;
            return true;
        }

        public bool Month(out int month)
        {
            month = 0;
            var i = SkipSpaces();
            var end = i;
            while (end < limit && CharClass.IsAsciiLetter(text[end]))
            {
                end++;
            }

            var word = text.AsSpan(i, end - i);
            if (word.Length < 3)
            {
                return false;
            }

            for (var m = 0; m < 12; m++)
            {
                var name = Months[m];
                var matches = word.Equals(name, StringComparison.OrdinalIgnoreCase)
                    || (word.Length is 3 or 4 && name.AsSpan().StartsWith(word, StringComparison.OrdinalIgnoreCase) && (word.Length == 3 || word.Equals("sept", StringComparison.OrdinalIgnoreCase)));
                if (matches)
                {
                    // "may" is a month only when a day or year goes with it, or a trigger plainly asks for a date.
                    month = m + 1;
                    Position = end < limit && text[end] == '.' && word.Length < name.Length ? end + 1 : end;
                    return true;
                }
            }

            return false;
        }

        public bool Day(out int day)
        {
            day = 0;
            var i = SkipSpaces();
            long value = 0;
            var read = i < limit && CharClass.IsDigit(text[i]) ? Numerals.Read(text, i, limit, out value) : 0;
            if (read is 0 or > 2 || value is < 1 or > 31)
            {
                return false;
            }

            var end = i + read;
            if (end + 1 < limit && IsOrdinalSuffix(text.AsSpan(end, 2)))
            {
                end += 2;
            }

            if (end < limit && CharClass.IsWordChar(text[end]))
            {
                return false;
            }

            day = (int)value;
            Position = end;
            return true;
        }

        public bool Year(out int year)
        {
            year = 0;
            var i = SkipSpaces();
            if (i + 4 > limit)
            {
                return false;
            }

            var read = Numerals.Read(text, i, limit, out var value);
            if (read != 4 || !DeadlineContext.ValidYear((int)value) || (i + 4 < limit && CharClass.IsWordChar(text[i + 4])))
            {
                return false;
            }

            year = (int)value;
            Position = i + 4;
            return true;
        }

        public bool Ordinal(out int value)
        {
            value = 0;
            for (var n = 0; n < OrdinalWords.Length; n++)
            {
                if (Word(OrdinalWords[n]))
                {
                    value = n + 1;
                    return true;
                }
            }

            var i = SkipSpaces();
            long number = 0;
            var read = i < limit && CharClass.IsDigit(text[i]) ? Numerals.Read(text, i, limit, out number) : 0;
            if (read is 0 or > 2 || i + read + 2 > limit || !IsOrdinalSuffix(text.AsSpan(i + read, 2)))
            {
                return false;
            }

            if (i + read + 2 < limit && CharClass.IsWordChar(text[i + read + 2]))
            {
                return false;
            }

            value = (int)number;
            Position = i + read + 2;
            return true;
        }

        public bool QuarterCode(out int quarter)
        {
            quarter = 0;
            var i = SkipSpaces();
            if (i + 2 <= limit && text[i] is 'Q' or 'q' && text[i + 1] is >= '1' and <= '4' && (i + 2 == limit || !CharClass.IsWordChar(text[i + 2])))
            {
                quarter = text[i + 1] - '0';
                Position = i + 2;
                return true;
            }

            return false;
        }

        private static bool IsOrdinalSuffix(ReadOnlySpan<char> two) =>
            two.Equals("st", StringComparison.OrdinalIgnoreCase) || two.Equals("nd", StringComparison.OrdinalIgnoreCase)
            || two.Equals("rd", StringComparison.OrdinalIgnoreCase) || two.Equals("th", StringComparison.OrdinalIgnoreCase);

        private readonly int SkipSpaces()
        {
            var i = Position;
            while (i < limit && (text[i] == ' ' || text[i] == '\u00A0' || text[i] == '\t' || CharClass.IsLineBreak(text[i])))
            {
                i++;
            }

            return i;
        }
    }
}
