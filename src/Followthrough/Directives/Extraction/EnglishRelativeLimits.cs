namespace Followthrough.Directives.Extraction;

/// <summary>
/// What follows "within": a running period counted from the document's date ("within 20 working days", "within
/// three months", "within half a year") or the current one ("within the year", "within this quarter").
/// </summary>
internal static class EnglishRelativeLimits
{
    public static DeadlineMatch? Within(ref EnglishCursor cursor, DeadlineContext context, int start)
    {
        var saved = cursor;
        if (cursor.Word("the") || cursor.Word("this"))
        {
            if (cursor.Word("year"))
            {
                return EnglishDeadlines.Make(start, cursor, new DateOnly(context.Year, 12, 31), true);
            }

            if (cursor.Word("month"))
            {
                return EnglishDeadlines.Make(start, cursor, DeadlineContext.EndOfMonth(context.Year, context.DocumentDate.Month), true);
            }

            if (cursor.Word("quarter"))
            {
                return EnglishDeadlines.Make(start, cursor, DeadlineContext.EndOfQuarter(context.Year, ((context.DocumentDate.Month - 1) / 3) + 1), true);
            }
        }

        cursor = saved;
        if (cursor.Word("half") && cursor.Word("a") && cursor.Word("year"))
        {
            return EnglishDeadlines.Make(start, cursor, context.AddMonths(6), true);
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

        return EnglishDeadlines.Make(start, cursor, date, true);
    }
}
