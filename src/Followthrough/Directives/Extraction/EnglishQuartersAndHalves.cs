namespace Followthrough.Directives.Extraction;

/// <summary>"the third quarter [of next year]", "Q3", "the first half [of 2022]": quarters and half-years, with their year.</summary>
internal static class EnglishQuartersAndHalves
{
    public static NamedPeriod QuarterOf(ref EnglishCursor cursor, DeadlineContext context, int quarter)
    {
        if (OfYear(ref cursor, context, out var year))
        {
            return Quarter(year, quarter, false);
        }

        var (end, rolled) = context.InferYear(y => DeadlineContext.EndOfQuarter(y, quarter));
        return Quarter(end.Year, quarter, rolled);
    }

    public static NamedPeriod Quarter(int year, int quarter, bool rolled) =>
        new(new DateOnly(year, ((quarter - 1) * 3) + 1, 1), DeadlineContext.EndOfQuarter(year, quarter), true, false, rolled);

    public static NamedPeriod HalfOf(ref EnglishCursor cursor, DeadlineContext context, int half)
    {
        if (!OfYear(ref cursor, context, out var year))
        {
            var (end, _) = context.InferYear(y => DeadlineContext.EndOfMonth(y, half * 6));
            year = end.Year;
        }

        return new NamedPeriod(new DateOnly(year, half == 1 ? 1 : 7, 1), DeadlineContext.EndOfMonth(year, half * 6), true, false, false);
    }

    /// <summary>"of the year", "of this year", "of next year", "of 2022", or nothing.</summary>
    private static bool OfYear(ref EnglishCursor cursor, DeadlineContext context, out int year)
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
}
