using System.Globalization;
using Followthrough.Accounts;
using Followthrough.Audit;
using Followthrough.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Followthrough.Plans.Pages;

/// <summary>One plan item: where it sits, who leads it, its indicators, its roll-up, its links up and down, its history.</summary>
internal sealed class ItemModel(FollowthroughDb db, PlanOverview board, PlanItemEditor editor, AuditTrail trail, IStringLocalizer<PlansText> text, CurrentUser user)
    : PlanPage(user)
{
    public PlanSnapshot Snapshot { get; private set; } = null!;

    public PlanItem Item { get; private set; } = null!;

    public IReadOnlyList<LinkedItem> ImplementedBy { get; private set; } = [];

    public IReadOnlyList<AuditHistoryEntry> History { get; private set; } = [];

    public bool CanEdit => PlanPermissions.CanEditPlans(Me);

    [BindProperty]
    public string? Weight { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public string? WeightError { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (RefuseUnlessReader() is { } refusal)
        {
            return refusal;
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>Changes the item's weight in its parent's progress (administrators and supervisors).</summary>
    public async Task<IActionResult> OnPostWeightAsync(int id, CancellationToken cancellationToken)
    {
        if (RefuseUnlessReader() is { } refusal)
        {
            return refusal;
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var basedOn = Version;
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!PlanChecks.TryReadNumber(Weight, out var weight))
        {
            WeightError = text["Enter a number, such as 1 or 2.5."];
            return Page();
        }

        var item = Item;
        var result = await editor.UpdateAsync(id, new ItemWrite(
            item.Code,
            item.ParentId is { } parent ? Snapshot.Items[parent].Code : null,
            item.Kind,
            item.Position,
            item.TextZh,
            item.TextEn,
            Snapshot.Units[item.LeadUnitId]?.Code,
            [.. Snapshot.PartnersOf(id).Select(u => Snapshot.Units.CodeOf(u))],
            weight,
            item.ImplementsItemId is { } linked && Snapshot.Linked.TryGetValue(linked, out var l) ? l.Reference : null), basedOn, cancellationToken);
        switch (result.Kind)
        {
            case OutcomeKind.Done:
                return RedirectToPage(new { id, saved = true });
            case OutcomeKind.Stale:
                WeightError = text["Someone changed this item in the meantime. The page now shows the current version; enter the weight again."];
                break;
            default:
                WeightError = result.Errors?.Messages.FirstOrDefault() ?? result.Reason;
                break;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var planId = await db.Set<PlanItem>().AsNoTracking().Where(i => i.Id == id).Select(i => (int?)i.PlanId).SingleOrDefaultAsync(cancellationToken);
        var snapshot = planId is { } p ? await board.LoadAsync(p, cancellationToken) : null;
        if (snapshot is null || !snapshot.Items.TryGetValue(id, out var item))
        {
            return false;
        }

        Snapshot = snapshot;
        Item = item;
        Version = item.Version;
        Weight ??= PlanChecks.FormatNumber(item.Weight);
        if (Request.Query.ContainsKey("saved"))
        {
            Message = text["The weight was saved."];
        }

        ImplementedBy = await db.Set<PlanItem>().AsNoTracking().Where(i => i.ImplementsItemId == id)
            .Join(db.Set<Plan>(), i => i.PlanId, pl => pl.Id, (i, pl) => new LinkedItem(i.Id, pl.Id, pl.Code, i.Code, i.TextZh, i.TextEn))
            .ToListAsync(cancellationToken);
        History = await trail.HistoryAsync("plan_items", id.ToString(CultureInfo.InvariantCulture), cancellationToken);
        return true;
    }
}
