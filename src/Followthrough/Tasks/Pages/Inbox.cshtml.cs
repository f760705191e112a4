using Followthrough.Accounts;
using Followthrough.Web;
using Followthrough.Organization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Tasks.Pages;

/// <summary>A unit's inbox: tasks to sign for, reports owed, what is overdue and what came back for rework.</summary>
internal sealed class InboxModel(TaskListReader queries, TaskDirectory directory, CurrentUser me) : PageModel
{
    /// <summary>Whose inbox: unit staff always see their own unit's; the office and leaders choose.</summary>
    [BindProperty(SupportsGet = true)]
    public int? UnitId { get; set; }

    public UnitEntry? Unit { get; private set; }

    public UnitInbox? Inbox { get; private set; }

    public TaskDirectory Directory => directory;

    public IReadOnlyList<UnitEntry> Units { get; private set; } = [];

    public bool CanChooseUnit => me.Role != Role.UnitStaff;

    public async Task<IActionResult> OnGetAsync()
    {
        if (PageGate.Check(this, me, TaskPermissions.CanReadTasks) is { } denied)
        {
            return denied;
        }

        if (me.Role == Role.UnitStaff)
        {
            UnitId = me.UnitId;
        }

        var units = await directory.UnitsAsync(HttpContext.RequestAborted);
        Units = [.. units.Values.Where(u => u.IsActive).OrderBy(u => u.Code, StringComparer.Ordinal)];
        if (UnitId is { } id && units.TryGetValue(id, out var unit))
        {
            Unit = unit;
            Inbox = await queries.InboxAsync(id, HttpContext.RequestAborted);
            await directory.PrepareAsync(
                new[] { Inbox.ToSignFor, Inbox.ToReport, Inbox.Overdue, Inbox.Returned }.SelectMany(s => s.Rows).Select(r => r.Task),
                HttpContext.RequestAborted);
        }

        return Page();
    }
}
