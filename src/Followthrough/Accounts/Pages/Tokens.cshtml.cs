using Followthrough.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Accounts.Pages;

/// <summary>
/// The signed-in person's API tokens: the list (never a secret), a form to create one, and the new secret shown
/// once on the page that answers the form. The answer is not cached, so "back" cannot bring the secret back.
/// </summary>
[Authorize]
internal sealed class TokensModel(TokenService tokens, CurrentUser user, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public DateOnly? ExpiresOn { get; set; }

    public IReadOnlyList<TokenSummary> Tokens { get; private set; } = [];

    public CreatedToken? Created { get; private set; }

    public TokenSummary? Revoked { get; private set; }

    public ValidationErrors Errors { get; } = new();

    public DateTime Now { get; private set; }

    public async Task OnGetAsync(int? revoked)
    {
        await LoadAsync();
        Revoked = Tokens.FirstOrDefault(t => t.Id == revoked && t.RevokedAt is not null);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (ModelState.TryGetValue(nameof(ExpiresOn), out var entry) && entry.Errors.Count > 0)
        {
            Errors.Add("expiresAt", "Enter the expiry date as YYYY-MM-DD.");
        }

        var expiresAt = ExpiresOn is { } date ? TokenRules.ExpiryOn(date) : (DateTime?)null;
        TokenRules.Check(Name, expiresAt, now, Errors);
        if (Errors.IsEmpty)
        {
            Created = await tokens.CreateAsync(user.PersonId!.Value, Name!, expiresAt, HttpContext.RequestAborted);
            Response.Headers.CacheControl = "no-store";
            Name = null;
            ExpiresOn = null;
            ModelState.Clear();
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Tokens = await tokens.ListAsync(user.PersonId!.Value, HttpContext.RequestAborted);
    }
}
