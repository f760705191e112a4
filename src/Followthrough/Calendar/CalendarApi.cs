using Followthrough.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Followthrough.Calendar;

internal sealed record DayView(DateOnly Date, string Region, bool IsWorkingDay, string Kind, string? Name, bool Provisional)
{
    public static DayView From(DayDescription day, string region) =>
        new(day.Date, region, day.IsWorkingDay, CalendarInput.KindName(day.Kind), day.Name, day.Provisional);
}

internal sealed record WorkingDayAnswer(DateOnly Date, string Region, bool IsWorkingDay, bool Provisional);

internal sealed record AddWorkingDaysAnswer(DateOnly Start, int WorkingDays, string Region, DateOnly Date, bool Provisional);

internal sealed record BetweenAnswer(DateOnly From, DateOnly To, string Region, int WorkingDays, bool Provisional);

internal sealed record MonthView(string Month, string Region, string? Previous, string? Next, int WorkingDays, IReadOnlyList<DayView> Days);

internal sealed record ScheduleView(string Region, int Year, bool Official, string Source, int Days, string? FileName, DateTime? ImportedAt, string? ImportedBy);

/// <summary>The public, read-only calendar API: anyone may ask, signed in or not.</summary>
internal static class CalendarApi
{
    public static void MapQueries(RouteGroupBuilder calendar)
    {
        calendar.MapGet("/days/{date}", Describe)
            .WithName("DescribeCalendarDay")
            .WithSummary("What kind of day a date is (workday, weekend, holiday, make-up working day, regional day), with the holiday's name.");

        calendar.MapGet("/is-working-day", IsWorkingDay)
            .WithName("IsWorkingDay")
            .WithSummary("Whether a date is a working day in the national or a regional calendar.");

        calendar.MapGet("/add-working-days", AddWorkingDays)
            .WithName("AddWorkingDays")
            .WithSummary("The date n working days after a start date (the start day is not counted; day 1 is the next working day; n = 0 returns the start).");

        calendar.MapGet("/between", Between)
            .WithName("WorkingDaysBetween")
            .WithSummary("Working days after 'from' up to and including 'to'; negative when 'to' is before 'from'.");

        calendar.MapGet("/months/{month}", Month)
            .WithName("CalendarMonth")
            .WithSummary("Every day of a month (YYYY-MM) with its kind and holiday name.");

        calendar.MapGet("/schedules", Schedules)
            .WithName("ListCalendarSchedules")
            .WithSummary("The loaded schedules: for the nation, every year from the first official one to next year, official or provisional; for a region, its stored years.");
    }

    private static async Task<Results<Ok<DayView>, ValidationProblem>> Describe(
        string date, string? region, CalendarService calendars, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var day = CalendarInput.Date(date, "date", errors);
        var code = CalendarInput.Region(region, "region", errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var calendar = await calendars.GetAsync(code, cancellationToken);
        return TypedResults.Ok(DayView.From(calendar.Describe(day!.Value), code!));
    }

    private static async Task<Results<Ok<WorkingDayAnswer>, ValidationProblem>> IsWorkingDay(
        string? date, string? region, CalendarService calendars, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var day = CalendarInput.Date(date, "date", errors);
        var code = CalendarInput.Region(region, "region", errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var described = (await calendars.GetAsync(code, cancellationToken)).Describe(day!.Value);
        return TypedResults.Ok(new WorkingDayAnswer(described.Date, code!, described.IsWorkingDay, described.Provisional));
    }

    private static async Task<Results<Ok<AddWorkingDaysAnswer>, ValidationProblem>> AddWorkingDays(
        string? date, string? n, string? region, CalendarService calendars, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var start = CalendarInput.Date(date, "date", errors);
        var count = CalendarInput.WorkingDays(n, "n", errors);
        var code = CalendarInput.Region(region, "region", errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var calendar = await calendars.GetAsync(code, cancellationToken);
        try
        {
            var result = calendar.AddWorkingDays(start!.Value, count!.Value);
            return TypedResults.Ok(new AddWorkingDaysAnswer(start.Value, count.Value, code!, result.Date, result.Provisional));
        }
        catch (ArgumentOutOfRangeException error)
        {
            errors.Add("n", FirstLine(error.Message));
            return Problems.Invalid(errors);
        }
    }

    private static async Task<Results<Ok<BetweenAnswer>, ValidationProblem>> Between(
        string? from, string? to, string? region, CalendarService calendars, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var first = CalendarInput.Date(from, "from", errors);
        var last = CalendarInput.Date(to, "to", errors);
        var code = CalendarInput.Region(region, "region", errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var count = (await calendars.GetAsync(code, cancellationToken)).WorkingDaysBetween(first!.Value, last!.Value);
        return TypedResults.Ok(new BetweenAnswer(first.Value, last.Value, code!, count.WorkingDays, count.Provisional));
    }

    private static async Task<Results<Ok<MonthView>, ValidationProblem>> Month(
        string month, string? region, CalendarService calendars, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var parsed = CalendarInput.Month(month, "month", errors);
        var code = CalendarInput.Region(region, "region", errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var calendar = await calendars.GetAsync(code, cancellationToken);
        var page = CalendarMonth.Of(calendar, parsed!.Value.Year, parsed.Value.Month);
        return TypedResults.Ok(new MonthView(
            page.Key, code!, page.PreviousKey, page.NextKey, page.WorkingDays, [.. page.Days.Select(d => DayView.From(d, code!))]));
    }

    private static async Task<Results<Ok<Paged<ScheduleView>>, ValidationProblem>> Schedules(
        string? region, int? page, int? pageSize, CalendarService calendars, CalendarStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var code = CalendarInput.Region(region, "region", errors);
        var request = PageRequest.From(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var all = await CalendarSchedules.ListAsync(code!, calendars, store, clock, cancellationToken);
        return TypedResults.Ok(new Paged<ScheduleView>([.. all.Skip(request.Skip).Take(request.PageSize)], request.Page, request.PageSize, all.Count));
    }

    internal static string FirstLine(string message)
    {
        var end = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}
