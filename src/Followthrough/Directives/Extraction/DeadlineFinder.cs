namespace Followthrough.Directives.Extraction;

/// <summary>
/// A time limit found in a sentence. <see cref="Date"/> is null when the phrase cannot be resolved to a day
/// ("as soon as possible", "春节前"). <see cref="Explicit"/> phrases say by when ("by", "before", "within", 前, 底,
/// 内); a bare "this year" or "三季度" only says when. <see cref="RolledOver"/>: the month or quarter named had
/// already passed on the document date, so the next year's was taken.
/// </summary>
internal readonly record struct DeadlineMatch(TextSpan Span, DateOnly? Date, bool Explicit, bool RolledOver)
{
    public bool IsBefore(DateOnly day) => Date is { } date && date < day;
}

/// <summary>
/// What the finders need to resolve a phrase to a day. All date arithmetic happens here. A document date outside
/// 1901–9799 (an unset <see cref="DateOnly.MinValue"/>, say) is clamped into that range, so "next year" or
/// "within 100 years" can always be computed.
/// </summary>
internal sealed class DeadlineContext(DateOnly documentDate, Func<DateOnly, int, DateOnly> addWorkingDays)
{
    private static readonly DateOnly Earliest = new(1901, 1, 1);
    private static readonly DateOnly Latest = new(9799, 12, 31);

    public DateOnly DocumentDate { get; } = documentDate < Earliest ? Earliest : documentDate > Latest ? Latest : documentDate;

    public int Year => DocumentDate.Year;

    public DateOnly AddWorkingDays(int days)
    {
        try
        {
            return addWorkingDays(DocumentDate, days);
        }
        catch (ArgumentException)
        {
            return DateOnly.MaxValue;
        }
    }

    public static DateOnly EndOfMonth(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    public static DateOnly EndOfQuarter(int year, int quarter) => EndOfMonth(year, quarter * 3);

    /// <summary>The last day of the Nth Five-Year Plan (the 3rd began in 1966, each lasts five years).</summary>
    public static int FiveYearPlanEnd(int number) => number >= 3 ? 1966 + (5 * (number - 3)) + 4 : 1952 + (5 * number);

    public static bool ValidYear(int year) => year is >= 1950 and <= 2200;

    /// <summary>A date in the document's year, or the next year's when it had already passed.</summary>
    public (DateOnly Date, bool RolledOver) InferYear(Func<int, DateOnly?> build)
    {
        var date = build(Year);
        if (date is not { } value)
        {
            return (DateOnly.MinValue, false);
        }

        if (value >= DocumentDate)
        {
            return (value, false);
        }

        var next = build(Year + 1);
        return next is { } later ? (later, true) : (value, false);
    }

    public static DateOnly? SafeDate(int year, int month, int day) =>
        ValidYear(year) && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    public DateOnly AddMonths(int months) => months <= 1200 ? DocumentDate.AddMonths(months) : DateOnly.MaxValue;

    public DateOnly AddDays(long days) => days <= 36500 ? DocumentDate.AddDays((int)days) : DateOnly.MaxValue;
}

/// <summary>
/// Finds time limits in either language and resolves them against the document's date: "by the end of June",
/// "before 2025", "by 30 September", "within 20 working days", "in the third quarter", 年底前, 6月底前, 9月30日前,
/// 三季度末, 本月底, 20个工作日内, 2025年前, 尽快. Working days are counted by the calendar the caller supplies.
/// </summary>
internal static class DeadlineFinder
{
    public static void Find(string text, TextSpan span, DeadlineContext context, List<DeadlineMatch> into)
    {
        var before = into.Count;
        EnglishDeadlines.Find(text, span, context, into);
        ChineseDeadlines.Find(text, span, context, into);
        if (into.Count - before > 1)
        {
            into.Sort(before, into.Count - before, Comparer<DeadlineMatch>.Create(static (a, b) => a.Span.Start.CompareTo(b.Span.Start)));
        }
    }

    /// <summary>The deadline to report for a directive: the first that says by when and is not already past.</summary>
    public static DeadlineMatch? Choose(List<DeadlineMatch> found, DateOnly documentDate)
    {
        DeadlineMatch? fallback = null;
        foreach (var deadline in found)
        {
            if (deadline.IsBefore(documentDate))
            {
                continue;
            }

            if (deadline.Explicit)
            {
                return deadline;
            }

            fallback ??= deadline;
        }

        return fallback;
    }
}
