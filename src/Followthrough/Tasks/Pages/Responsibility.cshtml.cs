using Followthrough.Accounts;
using Followthrough.Web;
using Followthrough.Organization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Tasks.Pages;

/// <summary>The responsibility list (责任清单): each unit with the tasks it leads and those it co-operates on.</summary>
internal sealed class ResponsibilityModel(DecompositionLists lists, TaskDirectory directory, CurrentUser me) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public int? UnitId { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ResponsibilityRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public IReadOnlyList<UnitEntry> Units { get; private set; } = [];

    public TaskDirectory Directory => directory;

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync()
    {
        if (PageGate.Check(this, me, TaskPermissions.CanReadTasks) is { } denied)
        {
            return denied;
        }

        PageNumber = Math.Max(1, PageNumber);
        (Rows, Total) = await lists.ResponsibilityAsync(me, UnitId, PageRequest.SkipFor(PageNumber, PageSize), PageSize, HttpContext.RequestAborted);
        Units = [.. (await directory.UnitsAsync(HttpContext.RequestAborted)).Values.Where(u => u.IsActive).OrderBy(u => u.Code, StringComparer.Ordinal)];
        return Page();
    }

    public string Query(int? page = null, string? format = null) =>
        "?" + string.Join('&', new[] { UnitId is { } u ? $"unitId={u}" : null, page is { } p ? $"page={p}" : null, format is null ? null : $"format={format}" }
            .Where(x => x is not null));
}
