using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Followthrough.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Followthrough.Accounts.Pages;

internal sealed class SignInModel(AccountService accounts, SignInLimits limits, IStringLocalizer<AccountsText> text) : PageModel
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

    /// <summary>Shown when the attempt limits (per client address, per user name) are reached; answered with 429.</summary>
    public const string TooManyMessage = "Too many sign-in attempts in a short time. Wait {0} seconds and try again.";

    public async Task<IActionResult> OnPostAsync()
    {
        var client = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (limits.Attempt(client, AccountService.NormalizeUserName(UserName)) is { } wait)
        {
            var seconds = RateLimits.RetryAfterSeconds(wait);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = seconds;
            Message = string.Format(CultureInfo.CurrentCulture, text[TooManyMessage], seconds);
            Password = string.Empty;
            return Page();
        }

        var result = await accounts.SignInAsync(UserName, Password, client, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            LockedOut = result.LockedUntil is not null;
            Message = result.LockedUntil is { } until
                ? string.Format(CultureInfo.CurrentCulture, text[LockedMessage], until)
                : text["The user name or password is wrong."];
            Password = string.Empty;
            return Page();
        }

        var identity = SignInClaims.ToIdentity(result.Person!, result.UserName!, CookieAuthenticationDefaults.AuthenticationScheme, result.SecurityStamp);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
