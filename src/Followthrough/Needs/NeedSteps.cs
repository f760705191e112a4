using Followthrough.Organization;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Needs;

/// <summary>What each step does to a need once it has passed every check: the state, the units, the limit; and the
/// history rows it leaves.</summary>
internal static class NeedSteps
{
    public static async Task<List<(NeedStep Step, int? UnitId, Satisfaction? Said, string? Note)>> ApplyAsync(
        FollowthroughDb db, NeedClock clock, OrganizationDirectory directory, EnterpriseNeed need, NeedAction action, NeedStepInput input,
        string? text, List<int> coUnits, DateTime now, CancellationToken cancellationToken)
    {
        switch (action)
        {
            case NeedAction.HandOn:
                need.ResponsibleUnitId = input.UnitId!.Value;
                need.HolderUnitId = need.ResponsibleUnitId;
                return [(NeedStep.HandedOn, need.ResponsibleUnitId, null, text)];
            case NeedAction.Dispatch:
                need.LeadUnitId = input.LeadUnitId!.Value;
                need.HolderUnitId = need.LeadUnitId;
                need.State = NeedState.Dispatched;
                var old = await db.Set<EnterpriseNeedCoUnit>().Where(c => c.NeedId == need.Id).ToListAsync(cancellationToken);
                db.Set<EnterpriseNeedCoUnit>().RemoveRange(old.Where(c => !coUnits.Contains(c.UnitId)));
                db.Set<EnterpriseNeedCoUnit>().AddRange(coUnits.Where(u => old.All(c => c.UnitId != u)).Select(u => new EnterpriseNeedCoUnit { NeedId = need.Id, UnitId = u }));
                return [(NeedStep.Dispatched, need.LeadUnitId, null, text)];
            case NeedAction.Answer:
                need.Answer = text;
                need.AnsweredAt = now;
                need.AnsweredOnTime = db.Clock.Today() <= need.DueOn;
                need.State = NeedState.Answered;
                need.HolderUnitId = need.ResponsibleUnitId; // the callback is the responsible unit's to make sure of
                return [(NeedStep.Answered, need.LeadUnitId, null, text)];
            default:
                return await CallBackAsync(db, clock, directory, need, input.Satisfaction!.Value, text, now, cancellationToken);
        }
    }

    /// <summary>Satisfied or basically satisfied closes the need; the first dissatisfied callback reopens it at the
    /// supervision office with a fresh limit; a second one closes it as dissatisfied.</summary>
    private static async Task<List<(NeedStep, int?, Satisfaction?, string?)>> CallBackAsync(
        FollowthroughDb db, NeedClock clock, OrganizationDirectory directory, EnterpriseNeed need, Satisfaction said, string? note, DateTime now,
        CancellationToken cancellationToken)
    {
        need.Satisfaction = said;
        if (said == Satisfaction.Dissatisfied && !need.Escalated)
        {
            var office = await directory.UnitByCodeAsync(clock.Options.SupervisionOfficeUnit, cancellationToken);
            var today = db.Clock.Today();
            var (days, due) = await clock.DueAsync(need.Category, today, cancellationToken);
            need.Escalated = true;
            need.State = NeedState.Reopened;
            need.ResponsibleUnitId = office is { IsActive: true } ? office.Id : need.ResponsibleUnitId;
            need.HolderUnitId = need.ResponsibleUnitId;
            (need.LimitDays, need.ClockFrom, need.DueOn) = (days, today, due);
            (need.Answer, need.AnsweredAt, need.AnsweredOnTime) = (null, null, null);
            return [(NeedStep.CalledBack, null, said, note), (NeedStep.Reopened, need.ResponsibleUnitId, null, null)];
        }

        need.State = NeedState.Closed;
        need.HolderUnitId = null;
        need.ClosedAt = now;
        return [(NeedStep.CalledBack, null, said, note), (NeedStep.Closed, null, null, null)];
    }
}
