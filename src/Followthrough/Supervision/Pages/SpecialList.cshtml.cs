using Followthrough.Accounts;
using Followthrough.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Supervision.Pages;

/// <summary>The special supervision list (专项督查清单): tasks escalated for being long overdue.</summary>
internal sealed class SpecialListModel(NoticeService notices, CurrentUser me) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<SpecialItemDto> Items { get; private set; } = [];

    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (PageGate.Check(this, me, SupervisionPermissions.CanReadSpecialList) is { } refused)
        {
            return refused;
        }

        var request = PageRequest.From(PageNumber, PageSize, new ValidationErrors());
        PageNumber = request.Page;
        (Items, Total) = await notices.SpecialListAsync(request, HttpContext.RequestAborted);
        return Page();
    }
}
