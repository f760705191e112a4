using Followthrough.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Followthrough.Services.Delivery;

/// <summary>The public check of a decision document (决定书核验): anyone, without signing in, types the code printed on it.</summary>
[EnableRateLimiting(RateLimits.PublicLookups)]
internal sealed class VerifyModel(DecisionDocuments documents) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    /// <summary>True once a code was given: then <see cref="Found"/> is the answer (null: no such document).</summary>
    public bool Checked { get; private set; }

    public bool Malformed { get; private set; }

    public DecisionVerification? Found { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            return Page();
        }

        Checked = true;
        Malformed = VerificationCodes.Normalize(Code) is null;
        Found = Malformed ? null : await documents.VerifyAsync(Code, HttpContext.RequestAborted);
        return Page();
    }
}
