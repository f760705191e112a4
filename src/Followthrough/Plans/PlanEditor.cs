using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Web;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Plans;

/// <summary>
/// Creating, changing and deleting plans. Every change is checked in full first and saved in one go (with its audit
/// entries); an update must name the version it was based on, and a stale one changes nothing.
/// </summary>
internal sealed class PlanEditor(FollowthroughDb db, OrganizationDirectory organization)
{
    public async Task<Outcome<Plan>> CreateAsync(PlanWrite input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        var plan = new Plan { Code = string.Empty, NameZh = string.Empty, NameEn = string.Empty };
        await ApplyAsync(plan, input, errors, cancellationToken);
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<Plan>(errors);
        }

        db.Set<Plan>().Add(plan);
        return await SaveAsync(plan, "created", cancellationToken);
    }

    public async Task<Outcome<Plan>> UpdateAsync(int id, PlanWrite input, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = await db.Set<Plan>().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null)
        {
            return Outcome.NotFound<Plan>();
        }

        var errors = new ValidationErrors();
        if (EditChecks.VersionProblem(expectedVersion, plan.Version, errors) is { } stale)
        {
            return stale == 0 ? Outcome.Invalid<Plan>(errors) : Outcome.Stale<Plan>(stale);
        }

        await ApplyAsync(plan, input, errors, cancellationToken);
        if (errors.IsEmpty && (plan.StartYear, plan.EndYear) != (db.Entry(plan).Property(p => p.StartYear).OriginalValue, db.Entry(plan).Property(p => p.EndYear).OriginalValue))
        {
            var outside = await db.Set<IndicatorValue>()
                .Where(v => db.Set<Indicator>().Any(i => i.Id == v.IndicatorId && i.PlanId == id) && (v.Year < plan.StartYear || v.Year > plan.EndYear))
                .AnyAsync(cancellationToken)
                || await db.Set<IndicatorTarget>()
                .Where(t => db.Set<Indicator>().Any(i => i.Id == t.IndicatorId && i.PlanId == id) && (t.Year < plan.StartYear || t.Year > plan.EndYear))
                .AnyAsync(cancellationToken);
            if (outside)
            {
                errors.Add("endYear", "Reported values or yearly targets fall outside the new period; the period cannot shrink past them.");
            }
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<Plan>(errors);
        }

        db.Entry(plan).Property(p => p.Version).OriginalValue = expectedVersion!.Value;
        return await SaveAsync(plan, "updated", cancellationToken);
    }

    public async Task<Outcome<Plan>> DeleteAsync(int id, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        var plan = await db.Set<Plan>().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null)
        {
            return Outcome.NotFound<Plan>();
        }

        var errors = new ValidationErrors();
        if (EditChecks.VersionProblem(expectedVersion, plan.Version, errors) is { } stale)
        {
            return stale == 0 ? Outcome.Invalid<Plan>(errors) : Outcome.Stale<Plan>(stale);
        }

        if (await db.Set<PlanItem>().AnyAsync(i => i.PlanId == id, cancellationToken)
            || await db.Set<PlanImport>().AnyAsync(i => i.PlanId == id, cancellationToken))
        {
            return Outcome.Conflict<Plan>("The plan has items or an import history; archive it instead of deleting it.");
        }

        db.Entry(plan).Property(p => p.Version).OriginalValue = expectedVersion!.Value;
        db.Set<Plan>().Remove(plan);
        return await SaveAsync(plan, "deleted", cancellationToken);
    }

    private async Task ApplyAsync(Plan plan, PlanWrite input, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var code = PlanChecks.NormalizeCode(input.Code);
        if (PlanChecks.CodeProblem(code, "plan") is { } codeProblem)
        {
            errors.Add("code", codeProblem);
        }
        else if (await db.Set<Plan>().AnyAsync(p => p.Code == code && p.Id != plan.Id, cancellationToken))
        {
            errors.Add("code", $"Another plan already has the code '{code}'.");
        }

        errors.Require("nameZh", input.NameZh, "The Chinese name", PlanChecks.MaxNameLength);
        EditChecks.Optional(errors, "nameEn", input.NameEn, "The English name", PlanChecks.MaxNameLength);
        if (input.Level is null)
        {
            errors.Add("level", $"The level is required: {string.Join(", ", Enum.GetNames<PlanLevel>())}.");
        }

        if (input.Status is null)
        {
            errors.Add("status", $"The status is required: {string.Join(", ", Enum.GetNames<PlanStatus>())}.");
        }

        var units = await UnitDirectory.LoadAsync(organization, cancellationToken);
        var owner = units.Resolve(input.OwnerUnit, out var unitProblem);
        if (owner is null)
        {
            errors.Add("ownerUnit", $"The owner unit: {unitProblem}");
        }

        foreach (var problem in YearProblems(input.StartYear, input.EndYear, input.VisionYear))
        {
            errors.Add(problem.Field, problem.Message);
        }

        if (!errors.IsEmpty)
        {
            return;
        }

        plan.Code = code;
        plan.NameZh = input.NameZh!.Trim();
        plan.NameEn = (input.NameEn ?? string.Empty).Trim();
        plan.Level = input.Level!.Value;
        plan.OwnerUnitId = owner!.Id;
        plan.StartYear = input.StartYear!.Value;
        plan.EndYear = input.EndYear!.Value;
        plan.VisionYear = input.VisionYear;
        plan.Status = input.Status!.Value;
    }

    /// <summary>Checks the years of a plan: a start and an end between 1949 and 2200, in order, and a vision year after the end.</summary>
    public static IEnumerable<(string Field, string Message)> YearProblems(int? start, int? end, int? vision)
    {
        if (start is not (>= 1949 and <= 2200))
        {
            yield return ("startYear", "The first year of the plan is required (1949–2200).");
        }

        if (end is not (>= 1949 and <= 2200))
        {
            yield return ("endYear", "The last year of the plan is required (1949–2200).");
        }
        else if (start is { } s && end < s)
        {
            yield return ("endYear", "The plan cannot end before it starts.");
        }
        else if (start is { } s2 && end - s2 > 30)
        {
            yield return ("endYear", "A plan period longer than 30 years is not supported.");
        }

        if (vision is { } v && end is { } e && v < e)
        {
            yield return ("visionYear", "The vision year cannot come before the end of the plan.");
        }
    }

    private async Task<Outcome<Plan>> SaveAsync(Plan plan, string action, CancellationToken cancellationToken)
    {
        db.DescribeNextSave(action);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Done<Plan>(plan);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.Set<Plan>().AsNoTracking().Where(p => p.Id == plan.Id).Select(p => (int?)p.Version).SingleOrDefaultAsync(cancellationToken);
            return current is { } version ? Outcome.Stale<Plan>(version) : Outcome.NotFound<Plan>();
        }
        catch (DbUpdateException)
        {
            return Outcome.Conflict<Plan>("The plan could not be saved: its code is taken, or it is still referred to by other records.");
        }
    }
}

/// <summary>Small checks every editor repeats.</summary>
internal static class EditChecks
{
    /// <summary>
    /// Null when the client based its change on the current version; else adds a field error and returns 0 (no
    /// version sent), or returns the current version (the client's is stale).
    /// </summary>
    public static int? VersionProblem(int? expected, int current, ValidationErrors errors)
    {
        if (expected is null)
        {
            errors.Add("version", "Send the version your change is based on (the ETag as If-Match, or a version field).");
            return 0;
        }

        return expected == current ? null : current;
    }

    public static void Optional(ValidationErrors errors, string field, string? value, string label, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            errors.Add(field, $"{label} must be at most {maxLength} characters.");
        }
    }
}
