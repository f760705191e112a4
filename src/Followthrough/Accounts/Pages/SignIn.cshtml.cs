using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Followthrough.Accounts.Pages;

public sealed class SignInModel(AccountService accounts, IStringLocalizer<AccountsText> text) : PageModel
{
    /// <summary>Shown for a locked account and for a locked unknown name alike, so it reveals nothing.</summary>
    public const string LockedMessage =
        "Too many failed attempts: signing in with this user name is blocked until {0:HH:mm} UTC. Try again then, or ask an administrator to reset the password.";

    [BindProperty]
    public string UserName { get; set; } = string.Empty;

    [BindProperty]
    public string Password { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    public bool LockedOut { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await accounts.SignInAsync(UserName, Password, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            LockedOut = result.LockedUntil is not null;
            Message = result.LockedUntil is { } until
                ? string.Format(CultureInfo.CurrentCulture, text[LockedMessage], until)
                : text["The user name or password is wrong."];
            Password = string.Empty;
            return Page();
        }

        var identity = SignInClaims.ToIdentity(result.Person!, result.UserName!, CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
