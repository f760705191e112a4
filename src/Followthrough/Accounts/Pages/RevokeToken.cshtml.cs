using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Accounts.Pages;

/// <summary>Asks before revoking one of one's own tokens; the POST revokes it. Someone else's token is "not found".</summary>
[Authorize]
internal sealed class RevokeTokenModel(TokenService tokens, CurrentUser user) : PageModel
{
    public TokenSummary Token { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var token = await tokens.FindAsync(user.PersonId!.Value, id, HttpContext.RequestAborted);
        if (token is null)
        {
            return NotFound();
        }

        if (token.RevokedAt is not null)
        {
            return LocalRedirect("/account/tokens");
        }

        Token = token;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id) =>
        await tokens.RevokeAsync(user.PersonId!.Value, id, HttpContext.RequestAborted)
            ? LocalRedirect($"/account/tokens?revoked={id}")
            : NotFound();
}
