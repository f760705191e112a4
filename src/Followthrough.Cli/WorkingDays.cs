using Followthrough.Directives.Extraction;

namespace Followthrough.Cli;

/// <summary>
/// The working-day count the command line resolves "within 20 working days" with. Until the calendar module's
/// count is available here this skips weekends only (no statutory holidays or make-up days).
/// </summary>
internal static class WorkingDays
{
    public static DateOnly Add(DateOnly from, int days) => WeekendCalendar.AddWorkingDays(from, days);
}
