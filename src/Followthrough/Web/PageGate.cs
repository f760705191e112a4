using Followthrough.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Web;

/// <summary>
/// The server-side gate of a page: visitors who are not signed in go to the sign-in page and come back; signed-in
/// people without the permission get 403 (the readable error page), whatever the buttons show. Null lets the page go on.
/// </summary>
public static class PageGate
{
    public static IActionResult? Check(PageModel page, CurrentUser me, Func<CurrentUser, bool> rule)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(rule);
        if (!me.IsSignedIn)
        {
            return page.Challenge();
        }

        return rule(me) ? null : page.StatusCode(StatusCodes.Status403Forbidden);
    }
}
