using Followthrough.Tasks;
using Followthrough.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Commitments.Pages;

/// <summary>Leaders' public commitments (承诺践诺): who promised what, where, by when, and whether it was kept.</summary>
internal sealed class IndexModel(CommitmentQueries commitments, CurrentUser me) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<CommitmentRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public bool CanManage => TaskPermissions.CanManageTasks(me);

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!me.IsSignedIn)
        {
            return Challenge();
        }

        if (!CommitmentPermissions.CanReadCommitments(me))
        {
            return Forbid();
        }

        PageNumber = Math.Max(1, PageNumber);
        (Rows, Total) = await commitments.ListAsync(me, null, PageRequest.SkipFor(PageNumber, PageSize), PageSize, HttpContext.RequestAborted);
        return Page();
    }
}
