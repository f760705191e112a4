using Followthrough.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Directives.Pages;

/// <summary>The server-side gate of the document pages: sign in first; then the rule, or 403.</summary>
internal static class DocumentPageAccess
{
    public static IActionResult? Check(PageModel page, CurrentUser me, Func<CurrentUser, bool> rule)
    {
        if (!me.IsSignedIn)
        {
            return page.Challenge();
        }

        return rule(me) ? null : page.StatusCode(Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden);
    }
}
