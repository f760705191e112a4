using Followthrough.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Organization.Pages;

/// <summary>
/// The server-side gate of every organization page: visitors who are not signed in go to the sign-in page and
/// come back; signed-in people without the permission get 403 (the readable error page), whatever the buttons show.
/// </summary>
internal static class PageAccess
{
    public static IActionResult? Check(PageModel page, CurrentUser me, Func<CurrentUser, bool> rule)
    {
        if (!me.IsSignedIn)
        {
            return page.Challenge();
        }

        return rule(me) ? null : page.StatusCode(Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden);
    }

    /// <summary>The filter of a list page: "active" (the default), "inactive" or "all".</summary>
    public static bool? ActiveFilter(string? status) => status switch
    {
        "all" => null,
        "inactive" => false,
        _ => true,
    };
}
