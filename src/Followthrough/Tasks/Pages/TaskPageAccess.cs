using Followthrough.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Tasks.Pages;

/// <summary>The server-side gate of every task page: sign in first; then the permission rule, or 403.</summary>
internal static class TaskPageAccess
{
    public static IActionResult? Check(PageModel page, CurrentUser me, Func<CurrentUser, bool> rule)
    {
        if (!me.IsSignedIn)
        {
            return page.Challenge();
        }

        return rule(me) ? null : page.StatusCode(Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden);
    }

    /// <summary>Parses an enum from a query string, ignoring case; null when empty or unknown.</summary>
    public static T? Parse<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
}
