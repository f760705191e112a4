using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Web;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Plans;

/// <summary>Creating, changing and deleting indicators and their yearly targets.</summary>
internal sealed class IndicatorEditor(FollowthroughDb db, OrganizationDirectory organization)
{
    public async Task<Outcome<Indicator>> CreateAsync(int planId, IndicatorWrite input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = await db.Set<Plan>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return Outcome.NotFound<Indicator>();
        }

        var indicator = new Indicator { PlanId = planId, Code = string.Empty, NameZh = string.Empty, MeasureZh = string.Empty };
        var errors = new ValidationErrors();
        var targets = await ApplyAsync(plan, indicator, input, errors, cancellationToken);
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<Indicator>(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Set<Indicator>().Add(indicator);
        var saved = await SaveAsync(indicator, "created", cancellationToken);
        if (!saved.IsDone)
        {
            return saved;
        }

        db.Set<IndicatorTarget>().AddRange(targets.Select(t => new IndicatorTarget { IndicatorId = indicator.Id, Year = t.Key, Value = t.Value.Value, UpperValue = t.Value.Upper }));
        saved = await SaveAsync(indicator, "created", cancellationToken);
        if (saved.IsDone)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return saved;
    }

    public async Task<Outcome<Indicator>> UpdateAsync(int id, IndicatorWrite input, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var indicator = await db.Set<Indicator>().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (indicator is null)
        {
            return Outcome.NotFound<Indicator>();
        }

        var errors = new ValidationErrors();
        if (EditChecks.VersionProblem(expectedVersion, indicator.Version, errors) is { } stale)
        {
            return stale == 0 ? Outcome.Invalid<Indicator>(errors) : Outcome.Stale<Indicator>(stale);
        }

        var plan = await db.Set<Plan>().AsNoTracking().SingleAsync(p => p.Id == indicator.PlanId, cancellationToken);
        var targets = await ApplyAsync(plan, indicator, input, errors, cancellationToken);
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<Indicator>(errors);
        }

        if (ReplaceTargets(db, indicator.Id, await db.Set<IndicatorTarget>().Where(t => t.IndicatorId == id).ToListAsync(cancellationToken), targets))
        {
            // The yearly targets are part of the indicator: changing them is a new version of it.
            db.Entry(indicator).Property(i => i.Version).IsModified = true;
        }

        db.Entry(indicator).Property(i => i.Version).OriginalValue = expectedVersion!.Value;
        return await SaveAsync(indicator, "updated", cancellationToken);
    }

    public async Task<Outcome<Indicator>> DeleteAsync(int id, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        var indicator = await db.Set<Indicator>().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (indicator is null)
        {
            return Outcome.NotFound<Indicator>();
        }

        var errors = new ValidationErrors();
        if (EditChecks.VersionProblem(expectedVersion, indicator.Version, errors) is { } stale)
        {
            return stale == 0 ? Outcome.Invalid<Indicator>(errors) : Outcome.Stale<Indicator>(stale);
        }

        if (await db.Set<IndicatorValue>().AnyAsync(v => v.IndicatorId == id, cancellationToken))
        {
            return Outcome.Conflict<Indicator>("Values have been reported for this indicator; it stays on record and cannot be deleted.");
        }

        db.Set<IndicatorTarget>().RemoveRange(await db.Set<IndicatorTarget>().Where(t => t.IndicatorId == id).ToListAsync(cancellationToken));
        db.Entry(indicator).Property(i => i.Version).OriginalValue = expectedVersion!.Value;
        db.Set<Indicator>().Remove(indicator);
        return await SaveAsync(indicator, "deleted", cancellationToken);
    }

    /// <summary>Brings the stored yearly targets in line with the wanted ones; true when anything changed.</summary>
    internal static bool ReplaceTargets(FollowthroughDb db, int indicatorId, IReadOnlyList<IndicatorTarget> current, IReadOnlyDictionary<int, TargetValue> wanted)
    {
        var changed = false;
        foreach (var target in current)
        {
            if (!wanted.TryGetValue(target.Year, out var value))
            {
                db.Set<IndicatorTarget>().Remove(target);
                changed = true;
            }
            else if (target.Value != value.Value || target.UpperValue != value.Upper)
            {
                target.Value = value.Value;
                target.UpperValue = value.Upper;
                changed = true;
            }
        }

        foreach (var (year, value) in wanted.Where(w => current.All(t => t.Year != w.Key)))
        {
            db.Set<IndicatorTarget>().Add(new IndicatorTarget { IndicatorId = indicatorId, Year = year, Value = value.Value, UpperValue = value.Upper });
            changed = true;
        }

        return changed;
    }

    private async Task<SortedDictionary<int, TargetValue>> ApplyAsync(Plan plan, Indicator indicator, IndicatorWrite input, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var code = PlanChecks.NormalizeCode(input.Code);
        if (PlanChecks.CodeProblem(code, "indicator") is { } codeProblem)
        {
            errors.Add("code", codeProblem);
        }
        else if (await db.Set<Indicator>().AnyAsync(i => i.PlanId == plan.Id && i.Code == code && i.Id != indicator.Id, cancellationToken))
        {
            errors.Add("code", $"Another indicator of this plan already has the code '{code}'.");
        }

        var itemCode = PlanChecks.NormalizeCode(input.Item);
        var itemId = await db.Set<PlanItem>().Where(i => i.PlanId == plan.Id && i.Code == itemCode).Select(i => (int?)i.Id).SingleOrDefaultAsync(cancellationToken);
        if (itemId is null)
        {
            errors.Add("item", itemCode.Length == 0 ? "The plan item the indicator belongs to is required." : $"'{itemCode}' is not an item of this plan.");
        }

        errors.Require("nameZh", input.NameZh, "The Chinese name", PlanChecks.MaxNameLength);
        EditChecks.Optional(errors, "nameEn", input.NameEn, "The English name", PlanChecks.MaxNameLength);
        errors.Require("measureZh", input.MeasureZh, "The unit of measure (Chinese)", PlanChecks.MaxMeasureLength);
        EditChecks.Optional(errors, "measureEn", input.MeasureEn, "The unit of measure (English)", PlanChecks.MaxMeasureLength);
        Required(errors, "category", input.Category);
        Required(errors, "nature", input.Nature);
        Required(errors, "direction", input.Direction);
        Required(errors, "frequency", input.Frequency);
        if (input.BaselineYear is not { } baselineYear || baselineYear > plan.StartYear || baselineYear < plan.StartYear - 10)
        {
            errors.Add("baselineYear", $"The baseline year is required, at most 10 years before the plan, and not after its first year ({plan.StartYear}).");
        }

        if (input.BaselineValue is null)
        {
            errors.Add("baselineValue", "The baseline value is required.");
        }

        if (input.PeriodTarget is null)
        {
            errors.Add("periodTarget", "The target for the end of the plan period is required.");
        }

        var direction = input.Direction ?? IndicatorDirection.HigherIsBetter;
        if (PlanChecks.TargetProblem(direction, input.PeriodTarget, input.PeriodTargetUpper, "period target") is { } periodProblem)
        {
            errors.Add("periodTargetUpper", periodProblem);
        }

        if (PlanChecks.TargetProblem(direction, input.VisionTarget, input.VisionTargetUpper, "vision target") is { } visionProblem)
        {
            errors.Add("visionTargetUpper", visionProblem);
        }

        var targets = new SortedDictionary<int, TargetValue>();
        foreach (var target in input.YearlyTargets ?? [])
        {
            if (target.Year < plan.StartYear || target.Year > plan.EndYear)
            {
                errors.Add("yearlyTargets", $"The target for {target.Year} is outside the plan ({plan.StartYear}–{plan.EndYear}).");
            }
            else if (!targets.TryAdd(target.Year, new TargetValue(target.Value, target.Upper)))
            {
                errors.Add("yearlyTargets", $"The year {target.Year} has more than one target.");
            }
            else if (PlanChecks.TargetProblem(direction, target.Value, target.Upper, $"target for {target.Year}") is { } yearlyProblem)
            {
                errors.Add("yearlyTargets", yearlyProblem);
            }
        }

        var units = await UnitDirectory.LoadAsync(organization, cancellationToken);
        var reporting = units.Resolve(input.ReportingUnit, out var unitProblem);
        if (reporting is null)
        {
            errors.Add("reportingUnit", $"The reporting unit: {unitProblem}");
        }

        if (indicator.Id != 0 && await db.Set<IndicatorValue>().AnyAsync(v => v.IndicatorId == indicator.Id, cancellationToken))
        {
            // Reported figures were given in the old unit and for the old periods; changing either would change their meaning.
            if (input.MeasureZh is { } zh && zh.Trim() != indicator.MeasureZh)
            {
                errors.Add("measureZh", $"Values have been reported in '{indicator.MeasureZh}'; the unit of measure cannot change.");
            }

            if (input.MeasureEn is { } en && en.Trim() != indicator.MeasureEn)
            {
                errors.Add("measureEn", $"Values have been reported in '{indicator.MeasureEn}'; the unit of measure cannot change.");
            }

            if (input.Frequency is { } frequency && frequency != indicator.Frequency)
            {
                errors.Add("frequency", "Values have been reported at the current frequency; it cannot change.");
            }
        }

        if (!errors.IsEmpty)
        {
            return targets;
        }

        indicator.Code = code;
        indicator.PlanItemId = itemId!.Value;
        indicator.NameZh = input.NameZh!.Trim();
        indicator.NameEn = (input.NameEn ?? string.Empty).Trim();
        indicator.MeasureZh = input.MeasureZh!.Trim();
        indicator.MeasureEn = (input.MeasureEn ?? string.Empty).Trim();
        indicator.Category = input.Category!.Value;
        indicator.Nature = input.Nature!.Value;
        indicator.Direction = direction;
        indicator.BaselineYear = input.BaselineYear!.Value;
        indicator.BaselineValue = input.BaselineValue!.Value;
        indicator.PeriodTarget = input.PeriodTarget!.Value;
        indicator.PeriodTargetUpper = input.PeriodTargetUpper;
        indicator.VisionTarget = input.VisionTarget;
        indicator.VisionTargetUpper = input.VisionTargetUpper;
        indicator.ReportingUnitId = reporting!.Id;
        indicator.Frequency = input.Frequency!.Value;
        indicator.IsIllustrative = input.IsIllustrative ?? false;
        return targets;
    }

    private static void Required<TEnum>(ValidationErrors errors, string field, TEnum? value) where TEnum : struct, Enum
    {
        if (value is null)
        {
            errors.Add(field, $"The {field} is required: {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }
    }

    private async Task<Outcome<Indicator>> SaveAsync(Indicator indicator, string action, CancellationToken cancellationToken)
    {
        db.DescribeNextSave(action);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Done<Indicator>(indicator);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.Set<Indicator>().AsNoTracking().Where(i => i.Id == indicator.Id).Select(i => (int?)i.Version).SingleOrDefaultAsync(cancellationToken);
            return current is { } version ? Outcome.Stale<Indicator>(version) : Outcome.NotFound<Indicator>();
        }
        catch (DbUpdateException)
        {
            return Outcome.Conflict<Indicator>("The indicator could not be saved: its code is taken, or it is still referred to by other records.");
        }
    }
}
