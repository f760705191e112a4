using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Web;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Plans;

/// <summary>Creating, changing and deleting the items of a plan's outline, with their co-operating units.</summary>
internal sealed class PlanItemEditor(FollowthroughDb db, OrganizationDirectory organization)
{
    public async Task<Outcome<PlanItem>> CreateAsync(int planId, ItemWrite input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = await db.Set<Plan>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return Outcome.NotFound<PlanItem>();
        }

        var item = new PlanItem { PlanId = planId, Code = string.Empty, TextZh = string.Empty };
        var errors = new ValidationErrors();
        var partners = await ApplyAsync(plan, item, input, errors, cancellationToken);
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<PlanItem>(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Set<PlanItem>().Add(item);
        var saved = await SaveAsync(item, "created", cancellationToken);
        if (!saved.IsDone)
        {
            return saved;
        }

        db.Set<PlanItemPartner>().AddRange(partners.Select(u => new PlanItemPartner { PlanItemId = item.Id, UnitId = u }));
        saved = await SaveAsync(item, "created", cancellationToken);
        if (saved.IsDone)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return saved;
    }

    public async Task<Outcome<PlanItem>> UpdateAsync(int id, ItemWrite input, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var item = await db.Set<PlanItem>().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return Outcome.NotFound<PlanItem>();
        }

        var errors = new ValidationErrors();
        if (EditChecks.VersionProblem(expectedVersion, item.Version, errors) is { } stale)
        {
            return stale == 0 ? Outcome.Invalid<PlanItem>(errors) : Outcome.Stale<PlanItem>(stale);
        }

        var plan = await db.Set<Plan>().AsNoTracking().SingleAsync(p => p.Id == item.PlanId, cancellationToken);
        var partners = await ApplyAsync(plan, item, input, errors, cancellationToken);
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<PlanItem>(errors);
        }

        var current = await db.Set<PlanItemPartner>().Where(p => p.PlanItemId == id).ToListAsync(cancellationToken);
        var changed = false;
        foreach (var gone in current.Where(p => !partners.Contains(p.UnitId)))
        {
            db.Set<PlanItemPartner>().Remove(gone);
            changed = true;
        }

        foreach (var unitId in partners.Where(u => current.All(p => p.UnitId != u)))
        {
            db.Set<PlanItemPartner>().Add(new PlanItemPartner { PlanItemId = id, UnitId = unitId });
            changed = true;
        }

        if (changed)
        {
            // The co-operating units are part of the item: a change to them is a new version of the item.
            db.Entry(item).Property(i => i.Version).IsModified = true;
        }

        db.Entry(item).Property(i => i.Version).OriginalValue = expectedVersion!.Value;
        return await SaveAsync(item, "updated", cancellationToken);
    }

    public async Task<Outcome<PlanItem>> DeleteAsync(int id, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        var item = await db.Set<PlanItem>().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return Outcome.NotFound<PlanItem>();
        }

        var errors = new ValidationErrors();
        if (EditChecks.VersionProblem(expectedVersion, item.Version, errors) is { } stale)
        {
            return stale == 0 ? Outcome.Invalid<PlanItem>(errors) : Outcome.Stale<PlanItem>(stale);
        }

        if (await db.Set<PlanItem>().AnyAsync(i => i.ParentId == id || i.ImplementsItemId == id, cancellationToken)
            || await db.Set<Indicator>().AnyAsync(i => i.PlanItemId == id, cancellationToken))
        {
            return Outcome.Conflict<PlanItem>("The item has sub-items, indicators or items implementing it; move or delete those first.");
        }

        db.Set<PlanItemPartner>().RemoveRange(await db.Set<PlanItemPartner>().Where(p => p.PlanItemId == id).ToListAsync(cancellationToken));
        db.Entry(item).Property(i => i.Version).OriginalValue = expectedVersion!.Value;
        db.Set<PlanItem>().Remove(item);
        return await SaveAsync(item, "deleted", cancellationToken);
    }

    /// <summary>Checks the input and copies it onto the item; returns the co-operating units' ids.</summary>
    private async Task<HashSet<int>> ApplyAsync(Plan plan, PlanItem item, ItemWrite input, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var code = PlanChecks.NormalizeCode(input.Code);
        if (PlanChecks.CodeProblem(code, "item") is { } codeProblem)
        {
            errors.Add("code", codeProblem);
        }
        else if (await db.Set<PlanItem>().AnyAsync(i => i.PlanId == plan.Id && i.Code == code && i.Id != item.Id, cancellationToken))
        {
            errors.Add("code", $"Another item of this plan already has the code '{code}'.");
        }

        if (input.Kind is null)
        {
            errors.Add("kind", $"The kind is required: {string.Join(", ", Enum.GetNames<PlanItemKind>())}.");
        }

        errors.Require("textZh", input.TextZh, "The Chinese text", PlanChecks.MaxTextLength);
        EditChecks.Optional(errors, "textEn", input.TextEn, "The English text", PlanChecks.MaxTextLength);
        if (input.Weight is { } weight && (weight < 0 || weight > PlanChecks.MaxWeight))
        {
            errors.Add("weight", $"The weight must be between 0 and {PlanChecks.MaxWeight}.");
        }

        if (input.Position is < 0)
        {
            errors.Add("position", "The position cannot be negative.");
        }

        int? parentId = null;
        if (!string.IsNullOrWhiteSpace(input.Parent))
        {
            var parentCode = PlanChecks.NormalizeCode(input.Parent);
            var parent = await db.Set<PlanItem>().AsNoTracking().SingleOrDefaultAsync(i => i.PlanId == plan.Id && i.Code == parentCode, cancellationToken);
            if (parent is null)
            {
                errors.Add("parent", $"The parent '{parentCode}' is not an item of this plan.");
            }
            else
            {
                parentId = parent.Id;
                if (input.Kind is { } kind && PlanChecks.KindProblem(kind, parent.Kind) is { } kindProblem)
                {
                    errors.Add("kind", kindProblem);
                }

                if (item.Id != 0 && await IsSelfOrDescendantAsync(plan.Id, item.Id, parent.Id, cancellationToken))
                {
                    errors.Add("parent", $"'{parentCode}' is this item or one of its sub-items; an item cannot sit under itself.");
                }
            }
        }

        if (item.Id != 0 && input.Kind is { } newKind)
        {
            var childKinds = await db.Set<PlanItem>().Where(i => i.ParentId == item.Id).Select(i => i.Kind).Distinct().ToListAsync(cancellationToken);
            if (childKinds.Any(k => k <= newKind))
            {
                errors.Add("kind", $"The item has sub-items that cannot sit under a {PlanVocabulary.Word(newKind)}.");
            }
        }

        var units = await UnitDirectory.LoadAsync(organization, cancellationToken);
        int? leadId = null;
        if (!string.IsNullOrWhiteSpace(input.LeadUnit))
        {
            leadId = units.Resolve(input.LeadUnit, out var problem)?.Id;
            if (leadId is null)
            {
                errors.Add("leadUnit", $"The lead unit: {problem}");
            }
        }

        var partners = new HashSet<int>();
        foreach (var text in input.CoUnits ?? [])
        {
            var unit = units.Resolve(text, out var problem);
            if (unit is null)
            {
                errors.Add("coUnits", $"A co-operating unit: {problem}");
            }
            else if (unit.Id != leadId)
            {
                partners.Add(unit.Id);
            }
        }

        int? implementsId = null;
        if (!string.IsNullOrWhiteSpace(input.Implements))
        {
            var (target, problem) = await ResolveImplementsAsync(plan, input.Implements, cancellationToken);
            if (target is null)
            {
                errors.Add("implements", problem!);
            }

            implementsId = target?.Id;
        }

        if (!errors.IsEmpty)
        {
            return partners;
        }

        item.Code = code;
        item.Kind = input.Kind!.Value;
        item.ParentId = parentId;
        item.TextZh = input.TextZh!.Trim();
        item.TextEn = (input.TextEn ?? string.Empty).Trim();
        item.LeadUnitId = leadId;
        item.Weight = input.Weight ?? item.Weight;
        item.ImplementsItemId = implementsId;
        if (input.Position is { } position)
        {
            item.Position = position;
        }
        else if (item.Id == 0 || db.Entry(item).Property(i => i.ParentId).IsModified)
        {
            // New (or moved) items without a position go after their last sibling.
            var last = await db.Set<PlanItem>()
                .Where(i => i.PlanId == plan.Id && i.ParentId == parentId && i.Id != item.Id)
                .MaxAsync(i => (int?)i.Position, cancellationToken);
            item.Position = (last ?? 0) + 1;
        }

        return partners;
    }

    /// <summary>Finds "PLAN:ITEM" and checks that its plan is at a higher level than this one.</summary>
    internal async Task<(PlanItem? Item, string? Problem)> ResolveImplementsAsync(Plan plan, string reference, CancellationToken cancellationToken)
    {
        var parts = reference.Split(':', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            return (null, $"'{reference}' does not name a higher-level plan's item (write PLAN:ITEM, e.g. LN-14FYP:C2.1).");
        }

        var planCode = PlanChecks.NormalizeCode(parts[0]);
        var itemCode = PlanChecks.NormalizeCode(parts[1]);
        var target = await db.Set<Plan>().AsNoTracking().SingleOrDefaultAsync(p => p.Code == planCode, cancellationToken);
        if (target is null)
        {
            return (null, $"The plan '{planCode}' does not exist.");
        }

        if (!PlanChecks.CanImplement(plan.Level, target.Level))
        {
            return (null, $"The plan '{planCode}' is not at a higher level than this {PlanVocabulary.Word(plan.Level)} plan; items implement higher-level plans only.");
        }

        var item = await db.Set<PlanItem>().AsNoTracking().SingleOrDefaultAsync(i => i.PlanId == target.Id && i.Code == itemCode, cancellationToken);
        return item is null ? (null, $"The plan '{planCode}' has no item '{itemCode}'.") : (item, null);
    }

    private async Task<bool> IsSelfOrDescendantAsync(int planId, int itemId, int candidateId, CancellationToken cancellationToken)
    {
        var parents = await db.Set<PlanItem>().AsNoTracking().Where(i => i.PlanId == planId)
            .ToDictionaryAsync(i => i.Id, i => i.ParentId, cancellationToken);
        int? at = candidateId;
        for (var steps = 0; at is { } id && steps <= parents.Count; steps++)
        {
            if (id == itemId)
            {
                return true;
            }

            at = parents.GetValueOrDefault(id);
        }

        return false;
    }

    private async Task<Outcome<PlanItem>> SaveAsync(PlanItem item, string action, CancellationToken cancellationToken)
    {
        db.DescribeNextSave(action);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Done<PlanItem>(item);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.Set<PlanItem>().AsNoTracking().Where(i => i.Id == item.Id).Select(i => (int?)i.Version).SingleOrDefaultAsync(cancellationToken);
            return current is { } version ? Outcome.Stale<PlanItem>(version) : Outcome.NotFound<PlanItem>();
        }
        catch (DbUpdateException)
        {
            return Outcome.Conflict<PlanItem>("The item could not be saved: its code is taken, or it is still referred to by other records.");
        }
    }
}
