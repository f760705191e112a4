using Followthrough.Accounts;
using Followthrough.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Followthrough.Calendar.Pages;

/// <summary>Administrators manage the days a region adds on top of the national calendar (e.g. a city's own holiday).</summary>
internal sealed class RegionsPageModel(CalendarStore store, CurrentUser me, IStringLocalizer<CalendarText> text) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public string? Date { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    public ValidationErrors Errors { get; } = new();

    public string? Message { get; private set; }

    public IReadOnlyList<RegionSummary> Regions { get; private set; } = [];

    /// <summary>The region shown, when one is chosen and valid.</summary>
    public string? Selected { get; private set; }

    public IReadOnlyList<RegionalDay> Days { get; private set; } = [];

    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Refuse() is { } refusal)
        {
            return refusal;
        }

        if (TempData["calendar-message"] is string message)
        {
            Message = message;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (Refuse() is { } refusal)
        {
            return refusal;
        }

        var input = RegionalDayInput.Check(Region, Date, ParseKind(Kind), Name, Errors, text);
        if (input is not null)
        {
            var (day, problem) = await store.AddRegionalDayAsync(input.Region, input.Date, input.IsOffDay, input.Name, cancellationToken);
            if (problem == RegionalDayProblem.DateTaken)
            {
                Errors.Add("date", text["{0} already lists {1}: change that day instead.", input.Region, CalendarInput.Iso(input.Date)]);
            }
            else
            {
                TempData["calendar-message"] = text["Added {0} to {1}.", CalendarInput.Iso(day!.Date), day.Region].Value;
                return Redirect($"/calendar/regions?region={Uri.EscapeDataString(day.Region)}");
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int version, CancellationToken cancellationToken)
    {
        if (Refuse() is { } refusal)
        {
            return refusal;
        }

        var code = CalendarInput.Region(Region, "region", Errors, text);
        if (code is null || CalendarRegions.IsNational(code))
        {
            return NotFound();
        }

        try
        {
            var problem = await store.DeleteRegionalDayAsync(code, id, version, cancellationToken);
            TempData["calendar-message"] = problem == RegionalDayProblem.NotFound
                ? text["That day was already removed."].Value
                : text["The day was removed."].Value;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["calendar-message"] = text["Someone changed that day meanwhile; it was not removed. Check it and try again."].Value;
        }

        return Redirect($"/calendar/regions?region={Uri.EscapeDataString(code)}");
    }

    public string? ErrorFor(string field) => PageHelpers.ErrorFor(Errors, field);

    internal static bool? ParseKind(string? kind) => kind switch
    {
        "off" => true,
        "work" => false,
        _ => null,
    };

    private IActionResult? Refuse() => PageHelpers.RefuseUnlessCalendarManager(this, me);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Regions = await store.RegionsAsync(cancellationToken);
        if (CalendarRegions.TryNormalize(Region, out var code) && !CalendarRegions.IsNational(code))
        {
            Selected = code;
            PageNumber = Math.Max(PageNumber, 1);
            (Days, Total) = await store.RegionalDaysAsync(code, null, PageRequest.SkipFor(PageNumber, PageSize), PageSize, cancellationToken);
        }
    }
}
