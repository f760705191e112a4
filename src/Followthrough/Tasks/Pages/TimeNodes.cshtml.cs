using System.Globalization;
using Followthrough.Accounts;
using Followthrough.Web;
using Followthrough.Organization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Tasks.Pages;

/// <summary>The time-node list (时限清单) for one month: a month grid with what falls due each day, and the agenda below it.</summary>
internal sealed class TimeNodesModel(DecompositionLists lists, TaskDirectory directory, TaskWriting tasks, CurrentUser me) : PageModel
{
    /// <summary>At most this many lines a month; a month with more shows the first ones and says so.</summary>
    public const int MaxRows = 2000;

    /// <summary>yyyy-MM; this month when empty.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? UnitId { get; set; }

    public DateOnly First { get; private set; }

    public DateOnly Last => First.AddMonths(1).AddDays(-1);

    public DateOnly Today { get; private set; }

    public IReadOnlyList<TimeLimitRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public IReadOnlyList<UnitEntry> Units { get; private set; } = [];

    public TaskDirectory Directory => directory;

    public ILookup<DateOnly, TimeLimitRow> ByDay => Rows.ToLookup(r => r.Date);

    public async Task<IActionResult> OnGetAsync()
    {
        if (PageGate.Check(this, me, TaskPermissions.CanReadTasks) is { } denied)
        {
            return denied;
        }

        Today = tasks.Today;
        First = DateOnly.TryParseExact(Month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month
            : new DateOnly(Today.Year, Today.Month, 1);
        (Rows, Total) = await lists.TimeLimitsAsync(me, First, Last, UnitId, 0, MaxRows, HttpContext.RequestAborted);
        Units = [.. (await directory.UnitsAsync(HttpContext.RequestAborted)).Values.Where(u => u.IsActive).OrderBy(u => u.Code, StringComparer.Ordinal)];
        return Page();
    }

    public string Link(DateOnly month) =>
        $"/tasks/lists/time-nodes?month={month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}{(UnitId is { } u ? $"&unitId={u}" : string.Empty)}";

    public string Export(string format) =>
        $"/api/v1/tasks/lists/time-nodes?from={TaskLabels.Date(First)}&to={TaskLabels.Date(Last)}&format={format}{(UnitId is { } u ? $"&unitId={u}" : string.Empty)}";
}
