using Followthrough.Organization;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Needs;

/// <summary>
/// Enterprise needs (企业诉求), the module's public surface: filing (by the enterprise online, or by a unit's staff after
/// a visit), the steps of <see cref="NeedRules"/> (hand on, dispatch, answer, call back) checked by who and state, each
/// saved with its history row and, through the Audit module's interceptor, its audit entries in one save, refused on a
/// stale version; and the lists (EnterpriseNeeds.Lists.cs).
/// </summary>
public sealed partial class EnterpriseNeeds
{
    private readonly FollowthroughDb db;
    private readonly OrganizationDirectory directory;
    private readonly NeedClock clock;

    internal EnterpriseNeeds(FollowthroughDb db, OrganizationDirectory directory, NeedClock clock) =>
        (this.db, this.directory, this.clock) = (db, directory, clock);

    /// <summary>Files a need. An enterprise files its own, naming the unit that receives it first; a unit's staff record
    /// one after a visit, naming the enterprise's account, and their unit receives it. The limit of its category starts.</summary>
    public async Task<Outcome<NeedEntry>> FileAsync(CurrentUser me, NeedInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(input);
        var visit = NeedsPermissions.CanRecordVisit(me);
        if (!visit && !NeedsPermissions.CanFileOwn(me))
        {
            return Outcome.Forbidden<NeedEntry>(NeedRules.NotAFiler);
        }

        var errors = new ValidationErrors();
        var (title, details) = NeedRules.CheckFiling(input, errors);
        var unitId = visit ? me.UnitId : input.UnitId;
        if (unitId is null)
        {
            errors.Add("unitId", NeedRules.UnitRequired);
        }
        else if (!NeedRules.IsGovernmentUnit(await directory.UnitAsync(unitId.Value, cancellationToken)))
        {
            errors.Add("unitId", NeedRules.UnitUnknown);
        }

        var enterpriseId = visit ? input.EnterprisePersonId : me.PersonId;
        PersonEntry? enterprise = null;
        if (enterpriseId is null)
        {
            errors.Add("enterprisePersonId", NeedRules.EnterpriseRequired);
        }
        else if ((enterprise = await directory.PersonAsync(enterpriseId.Value, cancellationToken)) is not { IsActive: true, Role: Role.Enterprise })
        {
            errors.Add("enterprisePersonId", NeedRules.EnterpriseUnknown);
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<NeedEntry>(errors);
        }

        var company = enterprise!.UnitId is { } companyId ? await directory.UnitAsync(companyId, cancellationToken) : null;
        var today = db.Clock.Today();
        var (days, due) = await clock.DueAsync(input.Category!.Value, today, cancellationToken);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var need = new EnterpriseNeed
        {
            Category = input.Category.Value,
            Title = title!,
            Details = details!,
            PublishConsent = input.PublishConsent,
            Channel = visit ? NeedChannel.Visit : NeedChannel.Online,
            EnterprisePersonId = enterprise.Id,
            EnterpriseName = company?.NameZh ?? enterprise.NameZh,
            RecordedById = me.PersonId,
            RecordedBy = me.Name,
            FirstUnitId = unitId!.Value,
            ResponsibleUnitId = unitId.Value,
            HolderUnitId = unitId.Value,
            State = NeedState.Filed,
            LimitDays = days,
            ClockFrom = today,
            DueOn = due,
            FiledAt = now,
        };
        db.Set<EnterpriseNeed>().Add(need);
        AddStep(need, NeedStep.Filed, unitId, null, visit ? $"visit: {enterprise.NameZh}" : null, me, now);
        db.DescribeNextSave("filed");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(await EntryAsync(me, need, cancellationToken));
    }

    /// <summary>One need with its history; not found for anyone who may not see it.</summary>
    public async Task<Outcome<NeedEntry>> GetAsync(CurrentUser me, int id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(me);
        var need = await db.Set<EnterpriseNeed>().AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (need is null || !await CanSeeAsync(me, need, cancellationToken))
        {
            return Outcome.NotFound<NeedEntry>("The need");
        }

        return Outcome.Done(await EntryAsync(me, need, cancellationToken));
    }

    /// <summary>Takes one step; <paramref name="expectedVersion"/> is the version the caller saw.</summary>
    public async Task<Outcome<NeedEntry>> TakeStepAsync(
        CurrentUser me, int id, NeedAction action, NeedStepInput input, int expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(input);
        var need = await db.Set<EnterpriseNeed>().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (need is null || !await CanSeeAsync(me, need, cancellationToken) || !NeedRules.From.TryGetValue(action, out var from))
        {
            return Outcome.NotFound<NeedEntry>("The need");
        }

        var allowed = NeedRules.Allowed(me, need).Select(a => a.ToString());
        if (NeedRules.NotYours(me, action, need) is { } notYours)
        {
            return Outcome.Forbidden<NeedEntry>(notYours, allowed);
        }

        if (need.Version != expectedVersion)
        {
            return Outcome.Stale<NeedEntry>(need.Version);
        }

        if (!from.Contains(need.State))
        {
            return Outcome.NotNow<NeedEntry>(
                action == NeedAction.CallBack ? NeedRules.NotYetAnswered : NeedRules.NotNow, allowed);
        }

        var errors = new ValidationErrors();
        var text = NeedRules.CheckStep(action, input, errors);
        var coUnits = action == NeedAction.Dispatch ? await CheckDispatchAsync(input, errors, cancellationToken) : [];
        if (action == NeedAction.HandOn)
        {
            await CheckHandOnAsync(need, input, errors, cancellationToken);
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<NeedEntry>(errors);
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        var description = await NeedSteps.ApplyAsync(db, clock, directory, need, action, input, text, coUnits, now, cancellationToken);
        foreach (var (step, unit, said, note) in description)
        {
            AddStep(need, step, unit, said, note, me, now);
        }

        db.Entry(need).Property(n => n.Version).OriginalValue = expectedVersion;
        db.DescribeNextSave(action.ToString().ToLowerInvariant(), text);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Stale<NeedEntry>(await db.Set<EnterpriseNeed>().AsNoTracking().Where(n => n.Id == id).Select(n => n.Version).SingleAsync(cancellationToken));
        }

        return Outcome.Done(await EntryAsync(me, need, cancellationToken));
    }

    private async Task CheckHandOnAsync(EnterpriseNeed need, NeedStepInput input, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (input.UnitId is not { } to || to == need.ResponsibleUnitId || !NeedRules.IsGovernmentUnit(await directory.UnitAsync(to, cancellationToken)))
        {
            errors.Add("unitId", NeedRules.HandOnUnitRequired);
        }
    }

    private async Task<List<int>> CheckDispatchAsync(NeedStepInput input, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (input.LeadUnitId is not { } lead || !NeedRules.IsGovernmentUnit(await directory.UnitAsync(lead, cancellationToken)))
        {
            errors.Add("leadUnitId", NeedRules.LeadRequired);
            return [];
        }

        var co = (input.CoUnitIds ?? []).Distinct().ToList();
        var units = await directory.UnitsAsync(co, cancellationToken);
        if (co.Count > NeedRules.MaxCoUnits || co.Contains(lead) || co.Any(u => !NeedRules.IsGovernmentUnit(units.GetValueOrDefault(u))))
        {
            errors.Add("coUnitIds", NeedRules.CoUnitsBad);
        }

        return co;
    }

    internal async Task<bool> CanSeeAsync(CurrentUser me, EnterpriseNeed need, CancellationToken cancellationToken)
    {
        if (NeedsPermissions.CanSee(me, need.EnterprisePersonId, [need.FirstUnitId, need.ResponsibleUnitId, need.LeadUnitId, need.HolderUnitId]))
        {
            return true;
        }

        // co-units, and units that held it before (handed on, an earlier lead), keep reading it
        return me.Role is Role.UnitStaff && me.UnitId is { } unit
            && (await db.Set<EnterpriseNeedCoUnit>().AnyAsync(c => c.NeedId == need.Id && c.UnitId == unit, cancellationToken)
                || await db.Set<EnterpriseNeedStep>().AnyAsync(s => s.NeedId == need.Id && s.UnitId == unit, cancellationToken));
    }

    private void AddStep(EnterpriseNeed need, NeedStep step, int? unitId, Satisfaction? said, string? note, CurrentUser me, DateTime now) =>
        db.Set<EnterpriseNeedStep>().Add(new EnterpriseNeedStep
        {
            NeedId = need.Id,
            Need = need,
            Step = step,
            State = need.State,
            UnitId = unitId,
            Satisfaction = said,
            Note = note,
            TakenAt = now,
            TakenById = me.PersonId,
            TakenBy = me.Name,
        });

    private async Task<NeedEntry> EntryAsync(CurrentUser me, EnterpriseNeed n, CancellationToken cancellationToken)
    {
        var steps = await db.Set<EnterpriseNeedStep>().AsNoTracking().Where(s => s.NeedId == n.Id).OrderBy(s => s.Id)
            .Select(s => new NeedStepEntry(s.Step, s.State, s.UnitId, s.Satisfaction, s.Note, s.TakenAt, s.TakenBy)).ToListAsync(cancellationToken);
        var co = await db.Set<EnterpriseNeedCoUnit>().AsNoTracking().Where(c => c.NeedId == n.Id).OrderBy(c => c.UnitId).Select(c => c.UnitId).ToListAsync(cancellationToken);
        int? left = NeedRules.ClockRunning.Contains(n.State)
            ? NeedClock.DaysLeft(await clock.CalendarAsync(cancellationToken), db.Clock.Today(), n.DueOn)
            : null;
        return new NeedEntry(
            n.Id, n.Category, n.Title, n.Details, n.PublishConsent, n.Channel, n.EnterprisePersonId, n.EnterpriseName, n.RecordedBy,
            n.FirstUnitId, n.ResponsibleUnitId, n.LeadUnitId, co, n.HolderUnitId, n.State, n.Escalated, n.LimitDays, n.ClockFrom, n.DueOn,
            n.Answer, n.AnsweredAt, n.AnsweredOnTime, n.Satisfaction, n.ClosedAt, n.FiledAt, n.Version, steps)
        {
            WorkingDaysLeft = left,
            Allowed = NeedRules.Allowed(me, n),
        };
    }
}
