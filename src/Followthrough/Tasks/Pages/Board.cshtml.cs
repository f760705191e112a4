using Followthrough.Accounts;
using Followthrough.Web;
using Followthrough.Organization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Tasks.Pages;

/// <summary>The supervision office's board: overdue, due soon, claims to verify, extension requests, tasks units returned.</summary>
internal sealed class BoardModel(TaskListReader queries, TaskDirectory directory, CurrentUser me) : PageModel
{
    public SupervisorBoard? Board { get; private set; }

    public TaskDirectory Directory => directory;

    public async Task<IActionResult> OnGetAsync()
    {
        if (PageGate.Check(this, me, user => user.Role is Role.Supervisor or Role.Leader or Role.Administrator) is { } denied)
        {
            return denied;
        }

        Board = await queries.BoardAsync(HttpContext.RequestAborted);
        TaskSection[] sections = [Board.Overdue, Board.DueSoon, Board.AwaitingVerification, Board.ExtensionRequests, Board.ReturnedByUnits];
        await directory.PrepareAsync(sections.SelectMany(s => s.Rows).Select(r => r.Task), HttpContext.RequestAborted);
        return Page();
    }
}
