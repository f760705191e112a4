using Followthrough.Accounts;
using Followthrough.Web;
using Followthrough.Organization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Tasks.Pages;

/// <summary>The task list (任务清单), filtered by unit, leader, origin, state, tag or words, with its exports.</summary>
internal sealed class IndexModel(TaskListReader queries, TaskDirectory directory, CurrentUser me) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public int? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? LeaderId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Origin { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tag { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<TaskRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public TaskDirectory Directory => directory;

    public IReadOnlyList<UnitEntry> Units { get; private set; } = [];

    public IReadOnlyList<PersonEntry> Leaders { get; private set; } = [];

    public bool CanManage => TaskPermissions.CanManageTasks(me);

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync()
    {
        if (PageGate.Check(this, me, TaskPermissions.CanReadTasks) is { } denied)
        {
            return denied;
        }

        PageNumber = Math.Max(1, PageNumber);
        var filter = new TaskFilter(UnitId, LeaderId, TaskPageAccess.Parse<OriginKind>(Origin), TaskPageAccess.Parse<TaskState>(State), Tag, Q);
        (Rows, Total) = await queries.ListAsync(me, filter, PageRequest.SkipFor(PageNumber, PageSize), PageSize, cancellationToken: HttpContext.RequestAborted);
        await directory.PrepareAsync(Rows.Select(r => r.Task), HttpContext.RequestAborted);
        Units = [.. (await directory.UnitsAsync(HttpContext.RequestAborted)).Values.Where(u => u.IsActive).OrderBy(u => u.Code, StringComparer.Ordinal)];
        Leaders = await directory.LeadersAsync(HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>This list's filter as a query string, for the pager and the export links.</summary>
    public string Query(int? page = null, string? format = null)
    {
        var parts = new List<string>();
        void Add(string name, object? value)
        {
            if (value is not null && value.ToString() is { Length: > 0 } text)
            {
                parts.Add($"{name}={Uri.EscapeDataString(text)}");
            }
        }

        Add("unitId", UnitId);
        Add("leaderId", LeaderId);
        Add("origin", Origin);
        Add("state", State);
        Add("tag", Tag);
        Add("q", Q);
        Add("page", page);
        Add("format", format);
        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }
}
