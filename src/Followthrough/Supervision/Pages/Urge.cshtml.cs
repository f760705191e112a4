using Followthrough.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Supervision.Pages;

/// <summary>The urge button's target: a supervisor urges a task's lead unit, then returns to the task page.</summary>
internal sealed class UrgeModel(NoticeService notices, CurrentUser me) : PageModel
{
    [BindProperty]
    public string? Message { get; set; }

    public IActionResult OnGet(int taskId) => Redirect($"/tasks/{taskId}");

    public async Task<IActionResult> OnPostAsync(int taskId)
    {
        if (!me.IsSignedIn)
        {
            return Challenge();
        }

        var (outcome, _, _) = await notices.UrgeAsync(me, taskId, Message, HttpContext.RequestAborted);
        return outcome switch
        {
            UrgeOutcome.Forbidden => StatusCode(Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden),
            UrgeOutcome.NotFound => NotFound(),
            UrgeOutcome.Sent => Redirect($"/tasks/{taskId}?urged=1"),
            _ => Redirect($"/tasks/{taskId}?urged=0"),
        };
    }
}
