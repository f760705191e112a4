using Followthrough.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Followthrough.Calendar.Pages;

/// <summary>
/// The public month view with its "calculate a deadline" form. Everything is a GET, so links and the browser's
/// back button work, and nothing needs JavaScript.
/// </summary>
internal sealed class CalendarPageModel(CalendarService calendars, TimeProvider clock, IStringLocalizer<CalendarText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Start { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Days { get; set; }

    public ValidationErrors Errors { get; } = new();

    public CalendarMonth View { get; private set; } = null!;

    public string RegionCode { get; private set; } = WorkingCalendar.National;

    public IReadOnlyList<string> Regions { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>The deadline asked for, when the form was sent and valid.</summary>
    public (DateOnly Start, int Days, WorkingDayResult Result)? Deadline { get; private set; }

    public bool AskedForDeadline => Start is not null || Days is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = ChinaClock.Today(clock);
        RegionCode = CalendarInput.Region(Region, "region", Errors, text) ?? WorkingCalendar.National;
        var month = string.IsNullOrWhiteSpace(Month) ? (Today.Year, Today.Month) : CalendarInput.Month(Month, "month", Errors, text) ?? (Today.Year, Today.Month);
        var snapshot = await calendars.SnapshotAsync(cancellationToken);
        var calendar = snapshot.For(RegionCode);
        Regions = snapshot.Regions;
        View = CalendarMonth.Of(calendar, month.Item1, month.Item2);

        if (AskedForDeadline)
        {
            var start = CalendarInput.Date(Start, "start", Errors, text);
            var days = CalendarInput.WorkingDays(Days, "days", Errors, text);
            if (start is not null && days is not null)
            {
                try
                {
                    Deadline = (start.Value, days.Value, calendar.AddWorkingDays(start.Value, days.Value));
                }
                catch (ArgumentOutOfRangeException)
                {
                    Errors.Add("days", text["The result would be after {0}, the end of the calendar.", CalendarInput.Iso(WorkingCalendar.MaxDate)]);
                }
            }
        }
    }

    public string? ErrorFor(string field) => PageHelpers.ErrorFor(Errors, field);

    /// <summary>A link to another month of the same region.</summary>
    public string MonthLink(string month) =>
        RegionCode == WorkingCalendar.National ? $"/calendar?month={month}" : $"/calendar?month={month}&region={Uri.EscapeDataString(RegionCode)}";
}
