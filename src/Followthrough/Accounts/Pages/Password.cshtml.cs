using System.Globalization;
using Followthrough.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Followthrough.Accounts.Pages;

/// <summary>Changing one's own password: the current one, then the new one twice. A wrong current one counts toward lock-out.</summary>
[Authorize]
internal sealed class PasswordModel(AccountService accounts, CurrentUser user, IStringLocalizer<AccountsText> text) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public ValidationErrors Errors { get; } = new();

    public bool Changed { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(CurrentPassword))
        {
            Errors.Add("current", text["Enter your current password."]);
        }

        if (Passwords.Weakness(NewPassword) is { } weakness)
        {
            Errors.Add("new", text[weakness]);
        }
        else if (NewPassword != ConfirmPassword)
        {
            Errors.Add("confirm", text["The two new passwords are not the same."]);
        }

        if (Errors.IsEmpty)
        {
            var result = await accounts.ChangePasswordAsync(user.PersonId!.Value, CurrentPassword!, NewPassword!, HttpContext.RequestAborted);
            if (result.Succeeded)
            {
                // Every other session of this person has ended; this one goes on with the new stamp.
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SignInClaims.WithStamp(User, result.SecurityStamp!));
                Changed = true;
            }
            else if (result.LockedUntil is { } until)
            {
                Errors.Add("current", string.Format(CultureInfo.CurrentCulture, text[SignInModel.LockedMessage], until));
            }
            else if (result.CurrentPasswordWrong)
            {
                Errors.Add("current", text["The current password is wrong."]);
            }
            else
            {
                Errors.Add("new", text[result.Problem!]);
            }
        }

        // Passwords are never sent back to the browser.
        CurrentPassword = NewPassword = ConfirmPassword = null;
        ModelState.Clear();
        return Page();
    }
}
