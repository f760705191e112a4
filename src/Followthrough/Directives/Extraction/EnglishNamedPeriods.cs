namespace Followthrough.Directives.Extraction;

/// <summary>A period a time limit can name: its first and last day, and how it was named.</summary>
internal readonly record struct NamedPeriod(DateOnly Start, DateOnly End, bool HasStart, bool IsYear, bool RolledOver);

/// <summary>Periods named in English: months, years, this or next month and quarter, and five-year plan periods.</summary>
internal static class EnglishNamedPeriods
{
    /// <summary>
    /// A named period: June [2021], 2025, the year, this/next year, the month, next month, the (third) quarter [of
    /// next year], Q3, the first half [of the year], the 14th Five-Year Plan [period].
    /// </summary>
    public static NamedPeriod? Period(ref EnglishCursor cursor, DeadlineContext context)
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
            return EnglishQuartersAndHalves.Quarter(qy, q, false);
        }

        if (the)
        {
            cursor.Quote();
        }

        if (the && cursor.Ordinal(out var ordinal))
        {
            if (ordinal is >= 1 and <= 4 && cursor.Word("quarter"))
            {
                return EnglishQuartersAndHalves.QuarterOf(ref cursor, context, ordinal);
            }

            if (ordinal is 1 or 2 && cursor.Word("half"))
            {
                return EnglishQuartersAndHalves.HalfOf(ref cursor, context, ordinal);
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
            return EnglishQuartersAndHalves.QuarterOf(ref cursor, context, code);
        }

        cursor = saved;
        return null;
    }

    private static bool FiveYearPlan(ref EnglishCursor cursor)
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
}
