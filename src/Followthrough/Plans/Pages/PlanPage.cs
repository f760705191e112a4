using Followthrough.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Plans.Pages;

/// <summary>What every plans page shares: the reading rule, checked on the server before anything is loaded.</summary>
internal abstract class PlanPage(CurrentUser user) : PageModel
{
    public CurrentUser Me { get; } = user;

    /// <summary>Null when the reader may see plans; else the answer: sign in first, or not allowed.</summary>
    protected IActionResult? RefuseUnlessReader() =>
        !Me.IsSignedIn ? Challenge() : PlanPermissions.CanReadPlans(Me) ? null : Forbid();
}
