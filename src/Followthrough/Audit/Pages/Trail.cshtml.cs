using Followthrough.Accounts;
using Followthrough.Storage;
using Followthrough.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Audit.Pages;

/// <summary>
/// The audit trail for administrators and the supervision office: newest first, filtered by record, person or
/// action, with the values before and after. Administrators can recompute the whole chain from here.
/// </summary>
[Authorize]
internal sealed class TrailModel(AuditTrail trail, AuditVerifier verifier, FollowthroughDb db, CurrentUser user) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? ActorId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    /// <summary>From the query's "page", which Razor Pages' own "page" route value would otherwise shadow.</summary>
    public int? PageNumber { get; private set; }

    internal Paged<AuditEntry> Entries { get; private set; } = new([], 1, PageSize, 0);

    public AuditVerification? Verification { get; private set; }

    public bool ActorIdInvalid { get; private set; }

    public bool CanVerify => AuditPermissions.CanVerifyAudit(user);

    /// <summary>The tables the trail can name, offered as suggestions in the record-type filter.</summary>
    public IReadOnlyList<string> EntityTypes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page)
    {
        if (!AuditPermissions.CanReadAudit(user))
        {
            return Forbid();
        }

        PageNumber = page;

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync()
    {
        if (!AuditPermissions.CanVerifyAudit(user))
        {
            return Forbid();
        }

        Verification = await verifier.VerifyAsync(HttpContext.RequestAborted);
        await LoadAsync();
        return Page();
    }

    /// <summary>The address of another page of the same filtered list.</summary>
    public string PageLink(int page) => "/audit" + QueryString.Create(new Dictionary<string, string?>
    {
        ["entityType"] = EntityType,
        ["entityId"] = EntityId,
        ["actorId"] = ActorId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["action"] = Action,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value))).ToUriComponent();

    private async Task LoadAsync()
    {
        ActorIdInvalid = ModelState.TryGetValue(nameof(ActorId), out var actor) && actor.Errors.Count > 0;
        var request = PageRequest.From(PageNumber, PageSize, new ValidationErrors());
        var filter = new AuditFilter(EntityType?.Trim(), EntityId?.Trim(), ActorId, Action?.Trim());
        var (items, total) = await trail.SearchAsync(filter, request.Skip, request.PageSize, HttpContext.RequestAborted);
        Entries = new Paged<AuditEntry>(items, request.Page, request.PageSize, total);
        EntityTypes = [.. db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal)];
    }
}
