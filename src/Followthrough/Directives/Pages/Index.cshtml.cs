using Followthrough.Accounts;
using Followthrough.Directives.Documents;
using Followthrough.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Directives.Pages;

/// <summary>The source documents the reader may see, newest first.</summary>
internal sealed class IndexModel(DocumentQueries queries, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<SourceDocument> Documents { get; private set; } = [];

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageRequest.DefaultPageSize - 1) / PageRequest.DefaultPageSize);

    public bool CanUpload => DocumentPermissions.CanUploadDocuments(me);

    public async Task<IActionResult> OnGetAsync()
    {
        if (PageGate.Check(this, me, CurrentUser.IsGovernmentStaff) is { } denied)
        {
            return denied;
        }

        PageNumber = Math.Max(1, PageNumber);
        var (rows, total) = await queries.ListAsync(me, (PageNumber - 1) * PageRequest.DefaultPageSize, PageRequest.DefaultPageSize, HttpContext.RequestAborted);
        (Documents, Total) = (rows, total);
        return Page();
    }
}
