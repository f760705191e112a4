using Followthrough.Accounts;
using Followthrough.Audit;
using Followthrough.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Followthrough.Organization.Pages.Units;

internal sealed class DetailsModel(UnitService units, PersonService people, AuditTrail trail, CurrentUser me, IStringLocalizer<OrganizationText> text) : PageModel
{
    public Unit Unit { get; private set; } = null!;

    public Unit? Parent { get; private set; }

    public IReadOnlyList<Unit> Children { get; private set; } = [];

    public IReadOnlyList<Person> People { get; private set; } = [];

    public int PeopleTotal { get; private set; }

    public IReadOnlyList<AuditHistoryEntry> History { get; private set; } = [];

    public bool CanManage => OrganizationPermissions.CanManageUnits(me);

    /// <summary>Why the last deactivate or reactivate was refused, in the reader's language.</summary>
    public string? Refusal { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (PageGate.Check(this, me, OrganizationPermissions.CanReadUnits) is { } denied)
        {
            return denied;
        }

        return await LoadAsync(id) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id) => ChangeStateAsync(id, active: false);

    public Task<IActionResult> OnPostReactivateAsync(int id) => ChangeStateAsync(id, active: true);

    private async Task<IActionResult> ChangeStateAsync(int id, bool active)
    {
        if (PageGate.Check(this, me, OrganizationPermissions.CanManageUnits) is { } denied)
        {
            return denied;
        }

        var comment = string.IsNullOrWhiteSpace(Comment) ? null : Comment.Trim()[..Math.Min(Comment.Trim().Length, 1000)];
        var outcome = active
            ? await units.ReactivateAsync(id, Version, comment, HttpContext.RequestAborted)
            : await units.DeactivateAsync(id, Version, comment, HttpContext.RequestAborted);
        if (outcome.IsDone)
        {
            return LocalRedirect($"/units/{id}?done={(active ? "reactivated" : "deactivated")}");
        }

        if (outcome is { Kind: OutcomeKind.NotFound })
        {
            return NotFound();
        }

        Refusal = text[outcome.Reason!];
        Done = null;
        return await LoadAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var unit = await units.FindAsync(id, cancellationToken);
        if (unit is null)
        {
            return false;
        }

        Unit = unit;
        Parent = unit.ParentId is { } parentId ? await units.FindAsync(parentId, cancellationToken) : null;
        Children = await units.ChildrenAsync(id, cancellationToken);
        var found = await people.ListAsync(new PersonFilter(UnitId: id), new PageRequest(1, PageRequest.MaxPageSize), me, cancellationToken);
        People = found.Items;
        PeopleTotal = found.Total;
        History = await trail.HistoryAsync("units", id, cancellationToken);
        return true;
    }
}
