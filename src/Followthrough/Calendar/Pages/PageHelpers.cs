using Followthrough.Accounts;
using Followthrough.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Calendar.Pages;

/// <summary>What the calendar's pages share: field errors for the markup, and the administrators-only gate.</summary>
internal static class PageHelpers
{
    /// <summary>The messages of one field, joined, or null when the field is fine.</summary>
    public static string? ErrorFor(ValidationErrors errors, string field) =>
        errors.ToDictionary().TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>Sign in first (redirect), then only administrators (403); null lets the page go on.</summary>
    public static IActionResult? RefuseUnlessCalendarManager(PageModel page, CurrentUser me) =>
        !me.IsSignedIn ? page.Challenge() : CalendarPermissions.CanManageCalendar(me) ? null : page.Forbid();
}
