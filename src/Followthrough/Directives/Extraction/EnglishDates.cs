namespace Followthrough.Directives.Extraction;

/// <summary>A day of a month written in English: "30 September 2021", "September 30, 2021", "the 25th of every month".</summary>
internal static class EnglishDates
{
    /// <summary>"30 September [2021]", "September 30[, 2021]", "the 25th [of June | of every month]".</summary>
    public static bool DayOfMonth(ref EnglishCursor cursor, DeadlineContext context, out DateOnly? date, out bool rolled)
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
}
