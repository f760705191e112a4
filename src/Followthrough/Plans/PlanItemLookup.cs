using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Plans;

/// <summary>A plan item as other modules cite it: its id, code and text in both languages.</summary>
public sealed record PlanItemEntry(int Id, string Code, string TextZh, string TextEn);

/// <summary>Plan items for the other modules (a directive names the item it serves): in plan order, or whether one exists.</summary>
public sealed class PlanItemLookup(FollowthroughDb db)
{
    /// <summary>The items of every plan in plan order (plan, then position), at most <paramref name="take"/> when given.</summary>
    public async Task<IReadOnlyList<PlanItemEntry>> InPlanOrderAsync(int? take = null, CancellationToken cancellationToken = default)
    {
        var items = db.Set<PlanItem>().AsNoTracking().OrderBy(i => i.PlanId).ThenBy(i => i.Position).ThenBy(i => i.Id)
            .Select(i => new PlanItemEntry(i.Id, i.Code, i.TextZh, i.TextEn));
        return await (take is { } most ? items.Take(most) : items).ToListAsync(cancellationToken);
    }

    public Task<bool> ExistsAsync(int id, CancellationToken cancellationToken = default) =>
        db.Set<PlanItem>().AnyAsync(i => i.Id == id, cancellationToken);
}
