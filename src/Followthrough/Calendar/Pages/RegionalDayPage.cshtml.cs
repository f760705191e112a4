using Followthrough.Accounts;
using Followthrough.Audit;
using Followthrough.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Followthrough.Calendar.Pages;

/// <summary>One regional day: change or remove it, and read its history.</summary>
internal sealed class RegionalDayPageModel(CalendarStore store, AuditTrail audit, CurrentUser me, IStringLocalizer<CalendarText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Region { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public string? Date { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public ValidationErrors Errors { get; } = new();

    public string? Stale { get; private set; }

    public RegionalDay Day { get; private set; } = null!;

    public IReadOnlyList<AuditHistoryEntry> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Refuse() is { } refusal)
        {
            return refusal;
        }

        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Date = CalendarInput.Iso(Day.Date);
        Kind = Day.IsOffDay ? "off" : "work";
        Name = Day.Name;
        Version = Day.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (Refuse() is { } refusal)
        {
            return refusal;
        }

        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var input = RegionalDayInput.Check(Region, Date, RegionsPageModel.ParseKind(Kind), Name, Errors, text);
        if (input is null)
        {
            return Page();
        }

        try
        {
            var (day, problem) = await store.UpdateRegionalDayAsync(input.Region, Id, Version, input.Date, input.IsOffDay, input.Name, cancellationToken);
            switch (problem)
            {
                case RegionalDayProblem.NotFound:
                    return NotFound();
                case RegionalDayProblem.DateTaken:
                    Errors.Add("date", text["{0} already lists {1}: change that day instead.", input.Region, CalendarInput.Iso(input.Date)]);
                    return Page();
            }

            TempData["calendar-message"] = text["Saved {0}.", CalendarInput.Iso(day!.Date)].Value;
            return Redirect($"/calendar/regions?region={Uri.EscapeDataString(day.Region)}");
        }
        catch (DbUpdateConcurrencyException)
        {
            await LoadAsync(cancellationToken);
            Stale = text["Someone changed this day while you were editing it. Nothing was saved: the form now shows their version; re-apply your change and save again."];
            Date = CalendarInput.Iso(Day.Date);
            Kind = Day.IsOffDay ? "off" : "work";
            Name = Day.Name;
            Version = Day.Version;
            ModelState.Clear();
            return Page();
        }
    }

    public string? ErrorFor(string field) => PageHelpers.ErrorFor(Errors, field);

    private IActionResult? Refuse() => PageHelpers.RefuseUnlessCalendarManager(this, me);

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!CalendarRegions.TryNormalize(Region, out var code) || CalendarRegions.IsNational(code)
            || await store.RegionalDayAsync(code, Id, cancellationToken) is not { } day)
        {
            return false;
        }

        Day = day;
        History = await audit.HistoryAsync("calendar_days", Id, cancellationToken);
        return true;
    }
}
