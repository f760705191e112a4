using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Calendar;

public static class CalendarModule
{
    public static IServiceCollection AddCalendar(this IServiceCollection services)
    {
        services.AddScoped<CalendarNotices>();
        return services;
    }

    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder api) => api;
}
