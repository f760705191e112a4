using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Calendar;

internal static class CalendarModule
{
    /// <summary>
    /// The calendar for every entry point: <see cref="CalendarService"/> (one per process, holding the built tables),
    /// <see cref="CalendarStore"/> (the stored schedules, per scope) and <see cref="CalendarNotices"/>.
    /// </summary>
    public static IServiceCollection AddCalendar(this IServiceCollection services)
    {
        services.AddSingleton<CalendarService>();
        services.AddScoped<CalendarStore>();
        services.AddScoped<CalendarNotices>();
        return services;
    }

    /// <summary>/api/v1/calendar: reads are public (anyone, signed in or not); changes need an administrator.</summary>
    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder api)
    {
        var calendar = api.MapGroup("/calendar").WithTags("Calendar").AllowAnonymous();
        CalendarApi.MapQueries(calendar);
        CalendarAdminApi.MapRegionReads(calendar);

        var admin = api.MapGroup("/calendar").WithTags("Calendar").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        CalendarAdminApi.MapWrites(admin);
        return api;
    }
}
