using Followthrough.Accounts;
using Followthrough.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Supervision.Pages;

/// <summary>The signed-in person's inbox: notices to them and, for unit staff, to their unit.</summary>
internal sealed class NoticesModel(NoticeService notices, CurrentUser me) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public bool Unread { get; set; }

    public IReadOnlyList<Notice> Items { get; private set; } = [];

    public int Total { get; private set; }

    public int UnreadCount { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!me.IsSignedIn)
        {
            return Challenge();
        }

        var errors = new ValidationErrors();
        var request = PageRequest.From(PageNumber, PageSize, errors);
        PageNumber = request.Page;
        (Items, Total) = await notices.ListAsync(me, Unread, request, HttpContext.RequestAborted);
        UnreadCount = await notices.UnreadCountAsync(me, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostReadAsync(long id)
    {
        if (!me.IsSignedIn)
        {
            return Challenge();
        }

        return await notices.MarkReadAsync(me, id, HttpContext.RequestAborted)
            ? RedirectToPage(new { page = PageNumber, unread = Unread })
            : NotFound();
    }
}
