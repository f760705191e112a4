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
    [BindProperty]
    public string UserName { get; set; } = string.Empty;

    [BindProperty]
    public string Password { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await accounts.SignInAsync(UserName, Password, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            Message = result.LockedUntil is { } until
                ? string.Format(CultureInfo.CurrentCulture, text["Too many failed attempts. The account is locked until {0:HH:mm} UTC."], until)
                : text["The user name or password is wrong."];
            Password = string.Empty;
            return Page();
        }

        var identity = CurrentUser.ToIdentity(result.Person!, result.UserName!, CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
