using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Accounts.Pages;

/// <summary>
/// Signing out is a POST (with the anti-forgery token) so a link elsewhere cannot sign anyone out. It ends every
/// session of the person, not only this browser's: a copied cookie stops working too.
/// </summary>
internal sealed class SignOutModel(AccountService accounts, CurrentUser user) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (user.PersonId is { } personId)
        {
            await accounts.EndSessionsAsync(personId, "signed-out", HttpContext.RequestAborted);
        }

        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/");
    }
}
