using Followthrough.Calendar;
using Followthrough.Needs;
using Followthrough.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Needs;

/// <summary>Enterprise needs (企业诉求) on SQLite and PostgreSQL: filing, every step allowed and refused by who and state,
/// the reopen-once rule, who sees a need, the history and its audit entries.</summary>
public abstract class EnterpriseNeedsTests(AppFixture app)
{
    public enum Who
    {
        Enterprise,
        Responsible,
        Lead,
        CoUnit,
        OtherStaff,
        Supervisor,
        OtherEnterprise,
    }

    public static TheoryData<NeedState, NeedAction, Who, OutcomeKind> Steps => new()
    {
        // from               step                  by                  answer
        { NeedState.Filed,      NeedAction.HandOn,    Who.Responsible,    OutcomeKind.Done },
        { NeedState.Filed,      NeedAction.HandOn,    Who.Supervisor,     OutcomeKind.Forbidden },
        { NeedState.Filed,      NeedAction.HandOn,    Who.Enterprise,     OutcomeKind.Forbidden },
        { NeedState.Filed,      NeedAction.HandOn,    Who.OtherStaff,     OutcomeKind.NotFound },
        { NeedState.Filed,      NeedAction.Dispatch,  Who.Responsible,    OutcomeKind.Done },
        { NeedState.Filed,      NeedAction.Dispatch,  Who.Supervisor,     OutcomeKind.Done },
        { NeedState.Filed,      NeedAction.Dispatch,  Who.Enterprise,     OutcomeKind.Forbidden },
        { NeedState.Filed,      NeedAction.Dispatch,  Who.OtherEnterprise, OutcomeKind.NotFound },
        { NeedState.Filed,      NeedAction.Answer,    Who.Responsible,    OutcomeKind.Forbidden },
        { NeedState.Filed,      NeedAction.CallBack,  Who.Enterprise,     OutcomeKind.NotNow },
        { NeedState.Filed,      NeedAction.CallBack,  Who.Responsible,    OutcomeKind.NotNow },
        { NeedState.Dispatched, NeedAction.Answer,    Who.Lead,           OutcomeKind.Done },
        { NeedState.Dispatched, NeedAction.Answer,    Who.CoUnit,         OutcomeKind.Forbidden },
        { NeedState.Dispatched, NeedAction.Answer,    Who.Responsible,    OutcomeKind.Forbidden },
        { NeedState.Dispatched, NeedAction.Answer,    Who.Supervisor,     OutcomeKind.Forbidden },
        { NeedState.Dispatched, NeedAction.Answer,    Who.Enterprise,     OutcomeKind.Forbidden },
        { NeedState.Dispatched, NeedAction.Answer,    Who.OtherStaff,     OutcomeKind.NotFound },
        { NeedState.Dispatched, NeedAction.HandOn,    Who.Responsible,    OutcomeKind.NotNow },
        { NeedState.Dispatched, NeedAction.Dispatch,  Who.Supervisor,     OutcomeKind.NotNow },
        { NeedState.Dispatched, NeedAction.CallBack,  Who.Enterprise,     OutcomeKind.NotNow },
        { NeedState.Answered,   NeedAction.CallBack,  Who.Enterprise,     OutcomeKind.Done },
        { NeedState.Answered,   NeedAction.CallBack,  Who.Responsible,    OutcomeKind.Done },
        { NeedState.Answered,   NeedAction.CallBack,  Who.Supervisor,     OutcomeKind.Done },
        { NeedState.Answered,   NeedAction.CallBack,  Who.Lead,           OutcomeKind.Forbidden },
        { NeedState.Answered,   NeedAction.CallBack,  Who.OtherEnterprise, OutcomeKind.NotFound },
        { NeedState.Answered,   NeedAction.Answer,    Who.Lead,           OutcomeKind.NotNow },
        { NeedState.Reopened,   NeedAction.Dispatch,  Who.Supervisor,     OutcomeKind.Done },
        { NeedState.Reopened,   NeedAction.Dispatch,  Who.Responsible,    OutcomeKind.Forbidden },
        { NeedState.Reopened,   NeedAction.Answer,    Who.Lead,           OutcomeKind.NotNow },
        { NeedState.Reopened,   NeedAction.CallBack,  Who.Enterprise,     OutcomeKind.NotNow },
        { NeedState.Closed,     NeedAction.CallBack,  Who.Enterprise,     OutcomeKind.NotNow },
        { NeedState.Closed,     NeedAction.Dispatch,  Who.Supervisor,     OutcomeKind.NotNow },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task EveryStep_IsAllowedOrRefused_ByWhoAndState(NeedState from, NeedAction action, Who who, OutcomeKind expected)
    {
        var cast = await NeedCast.CreateAsync(app);
        var by = who switch
        {
            Who.Enterprise => cast.Enterprise,
            Who.Responsible => cast.Responsible,
            Who.Lead => cast.Lead,
            Who.CoUnit => cast.CoUnit,
            Who.OtherStaff => cast.OtherStaff,
            Who.Supervisor => cast.Supervisor,
            _ => cast.OtherEnterprise,
        };
        var (kind, version, stepsBefore, stepsAfter) = await NeedCast.WithNeedsAsync(app, async needs =>
        {
            var need = await cast.InStateAsync(needs, from);
            var taken = await needs.TakeStepAsync(by, need.Id, action, cast.Complete(), need.Version);
            var after = (await needs.GetAsync(cast.Supervisor, need.Id)).Value!;
            return (taken.Kind, after.Version, need.Steps.Count, after.Steps.Count);
        });
        Assert.Equal(expected, kind);
        if (expected != OutcomeKind.Done)
        {
            Assert.Equal(stepsBefore, stepsAfter); // a refused step writes nothing
        }
        else
        {
            Assert.True(stepsAfter > stepsBefore);
        }
    }

    [Fact]
    public async Task Filing_StartsTheCategorysLimit_OnTheWorkingDayCalendar_AndIsAudited()
    {
        var cast = await NeedCast.CreateAsync(app);
        var (need, expected, audited) = await app.WithServicesAsync(async sp =>
        {
            var needs = sp.GetRequiredService<EnterpriseNeeds>();
            var need = (await needs.FileAsync(cast.Enterprise, cast.Filing(NeedCategory.Other))).Value!;
            var calendar = await sp.GetRequiredService<CalendarService>().GetAsync("CN-LN-DL");
            var audited = await sp.GetRequiredService<Followthrough.Audit.AuditTrail>().HistoryAsync("enterprise_needs", need.Id);
            return (need, calendar.AddWorkingDays(need.ClockFrom, 3).Date, audited);
        });
        Assert.Equal((NeedState.Filed, 3, expected, cast.ResponsibleUnit, cast.ResponsibleUnit), (need.State, need.LimitDays, need.DueOn, need.FirstUnitId, need.ResponsibleUnitId));
        Assert.Equal(NeedChannel.Online, need.Channel);
        Assert.Equal("大连融科储能技术发展有限公司", need.EnterpriseName);
        Assert.Equal(NeedStep.Filed, Assert.Single(need.Steps).Step);
        Assert.Contains(audited, e => e.Action == "filed");
    }

    [Fact]
    public async Task BadFilings_AreFieldErrors_AndOnlyEnterprisesAndUnitStaffFile()
    {
        var cast = await NeedCast.CreateAsync(app);
        var citizen = await NeedCast.UserAsync(app, Role.Citizen, null);
        await NeedCast.WithNeedsAsync(app, async needs =>
        {
            var empty = await needs.FileAsync(cast.Enterprise, new NeedInput(null, " ", null));
            Assert.Equal(OutcomeKind.Invalid, empty.Kind);
            Assert.Equal(["category", "details", "title", "unitId"], empty.Errors!.ToDictionary().Keys.Order(StringComparer.Ordinal));
            var enterpriseAsUnit = await needs.FileAsync(cast.Enterprise, cast.Filing() with { UnitId = await app.UnitIdAsync("DL-ETC") });
            Assert.Equal([NeedRules.UnitUnknown], enterpriseAsUnit.Errors!.ToDictionary()["unitId"]);
            var visitWithoutEnterprise = await needs.FileAsync(cast.Lead, cast.Filing());
            Assert.Equal([NeedRules.EnterpriseRequired], visitWithoutEnterprise.Errors!.ToDictionary()["enterprisePersonId"]);
            var visitForACitizen = await needs.FileAsync(cast.Lead, cast.Filing() with { EnterprisePersonId = citizen.PersonId });
            Assert.Equal([NeedRules.EnterpriseUnknown], visitForACitizen.Errors!.ToDictionary()["enterprisePersonId"]);
            Assert.Equal(OutcomeKind.Forbidden, (await needs.FileAsync(citizen, cast.Filing())).Kind);
            Assert.Equal(OutcomeKind.Forbidden, (await needs.FileAsync(cast.Supervisor, cast.Filing())).Kind);

            var visit = (await needs.FileAsync(cast.Lead, cast.Filing() with { UnitId = cast.OtherUnit, EnterprisePersonId = cast.Enterprise.PersonId })).Value!;
            Assert.Equal((NeedChannel.Visit, cast.LeadUnit, cast.Enterprise.PersonId), (visit.Channel, visit.ResponsibleUnitId, visit.EnterprisePersonId));
            Assert.Contains(await needs.MineAsync(cast.Enterprise), r => r.Id == visit.Id); // the enterprise follows it as its own
            return 0;
        });
    }

    [Fact]
    public async Task HandingOn_NeedsAReasonAndAnotherUnit_ThenTheNewUnitIsResponsible()
    {
        var cast = await NeedCast.CreateAsync(app);
        await NeedCast.WithNeedsAsync(app, async needs =>
        {
            var need = await cast.InStateAsync(needs, NeedState.Filed);
            var noReason = await needs.TakeStepAsync(cast.Responsible, need.Id, NeedAction.HandOn, new NeedStepInput(cast.OtherUnit, "  "), need.Version);
            Assert.Equal([NeedRules.HandOnReasonRequired], noReason.Errors!.ToDictionary()["note"]);
            var toItself = await needs.TakeStepAsync(cast.Responsible, need.Id, NeedAction.HandOn, new NeedStepInput(cast.ResponsibleUnit, "Ours after all"), need.Version);
            Assert.Equal([NeedRules.HandOnUnitRequired], toItself.Errors!.ToDictionary()["unitId"]);
            var stale = await needs.TakeStepAsync(cast.Responsible, need.Id, NeedAction.HandOn, cast.Complete(), need.Version + 1);
            Assert.Equal(OutcomeKind.Stale, stale.Kind);

            var handed = (await needs.TakeStepAsync(cast.Responsible, need.Id, NeedAction.HandOn, cast.Complete(), need.Version)).Value!;
            Assert.Equal((cast.OtherUnit, cast.OtherUnit, cast.ResponsibleUnit, need.DueOn), (handed.ResponsibleUnitId, handed.HolderUnitId, handed.FirstUnitId, handed.DueOn));
            Assert.Equal((NeedStep.HandedOn, cast.OtherUnit, cast.Complete().Note), (handed.Steps[^1].Step, handed.Steps[^1].UnitId, handed.Steps[^1].Note));
            Assert.Equal(OutcomeKind.Forbidden, (await needs.TakeStepAsync(cast.Responsible, need.Id, NeedAction.Dispatch, cast.Complete(), handed.Version)).Kind);
            Assert.True((await needs.TakeStepAsync(cast.OtherStaff, need.Id, NeedAction.Dispatch, cast.Complete(), handed.Version)).IsDone);
            Assert.True((await needs.GetAsync(cast.Responsible, need.Id)).IsDone); // the first unit still follows it
            return 0;
        });
    }

    [Fact]
    public async Task ADissatisfiedCallback_ReopensOnceAtTheSupervisionOffice_WithAFreshLimit_TheSecondCloses()
    {
        var cast = await NeedCast.CreateAsync(app);
        await NeedCast.WithNeedsAsync(app, async needs =>
        {
            var answered = await cast.InStateAsync(needs, NeedState.Answered);
            Assert.Equal((true, cast.ResponsibleUnit), (answered.AnsweredOnTime, answered.HolderUnitId));
            var noAnswer = await needs.TakeStepAsync(cast.Supervisor, answered.Id, NeedAction.CallBack, new NeedStepInput(), answered.Version);
            Assert.Equal([NeedRules.SatisfactionRequired], noAnswer.Errors!.ToDictionary()["satisfaction"]);

            var reopened = (await needs.TakeStepAsync(cast.Enterprise, answered.Id, NeedAction.CallBack, new NeedStepInput(Satisfaction: Satisfaction.Dissatisfied, Note: "政策口径仍不清楚"), answered.Version)).Value!;
            Assert.Equal((NeedState.Reopened, true, cast.OfficeUnit, cast.OfficeUnit, (string?)null), (reopened.State, reopened.Escalated, reopened.ResponsibleUnitId, reopened.HolderUnitId, reopened.Answer));
            Assert.NotNull(reopened.WorkingDaysLeft);
            Assert.Equal([NeedStep.CalledBack, NeedStep.Reopened], reopened.Steps.TakeLast(2).Select(s => s.Step));
            Assert.Equal(OutcomeKind.Forbidden, (await needs.TakeStepAsync(cast.Responsible, answered.Id, NeedAction.Dispatch, cast.Complete(), reopened.Version)).Kind);

            var redispatched = (await needs.TakeStepAsync(cast.Supervisor, answered.Id, NeedAction.Dispatch, new NeedStepInput(LeadUnitId: cast.OtherUnit, Note: "市政府督查室重新交办"), reopened.Version)).Value!;
            Assert.Equal(cast.OtherUnit, redispatched.LeadUnitId);
            Assert.Empty(redispatched.CoUnitIds); // the co-units of the first dispatch are gone
            Assert.Equal(OutcomeKind.Forbidden, (await needs.TakeStepAsync(cast.Lead, answered.Id, NeedAction.Answer, cast.Complete(), redispatched.Version)).Kind);
            var second = (await needs.TakeStepAsync(cast.OtherStaff, answered.Id, NeedAction.Answer, cast.Complete(), redispatched.Version)).Value!;
            var closed = (await needs.TakeStepAsync(cast.Enterprise, answered.Id, NeedAction.CallBack, new NeedStepInput(Satisfaction: Satisfaction.Dissatisfied), second.Version)).Value!;
            Assert.Equal((NeedState.Closed, Satisfaction.Dissatisfied, (int?)null), (closed.State, closed.Satisfaction, closed.HolderUnitId));
            Assert.NotNull(closed.ClosedAt);
            Assert.Equal(OutcomeKind.NotNow, (await needs.TakeStepAsync(cast.Supervisor, answered.Id, NeedAction.Dispatch, cast.Complete(), closed.Version)).Kind);
            return 0;
        });
    }

    [Fact]
    public async Task ANeed_IsSeenByItsEnterpriseAndTheUnitsOnIt_ToAnyoneElseItDoesNotExist()
    {
        var cast = await NeedCast.CreateAsync(app);
        await NeedCast.WithNeedsAsync(app, async needs =>
        {
            var need = await cast.InStateAsync(needs, NeedState.Dispatched);
            foreach (var reader in new[] { cast.Enterprise, cast.Responsible, cast.Lead, cast.CoUnit, cast.Supervisor })
            {
                Assert.True((await needs.GetAsync(reader, need.Id)).IsDone, reader.Name);
            }

            foreach (var stranger in new[] { cast.OtherEnterprise, cast.OtherStaff, CurrentUser.Anonymous })
            {
                Assert.Equal(OutcomeKind.NotFound, (await needs.GetAsync(stranger, need.Id)).Kind);
            }

            Assert.DoesNotContain(await needs.MineAsync(cast.OtherEnterprise), r => r.Id == need.Id);
            Assert.Contains(await needs.MineAsync(cast.Enterprise), r => r.Id == need.Id);
            Assert.Contains((await needs.QueueAsync(cast.Lead, cast.LeadUnit)).Value!, r => r.Id == need.Id);
            Assert.Contains((await needs.QueueAsync(cast.CoUnit, cast.CoUnitId)).Value!, r => r.Id == need.Id); // co-units see what they help with
            Assert.DoesNotContain((await needs.QueueAsync(cast.Responsible, cast.ResponsibleUnit)).Value!, r => r.Id == need.Id);
            Assert.Equal(OutcomeKind.Forbidden, (await needs.QueueAsync(cast.OtherStaff, cast.LeadUnit)).Kind);
            Assert.Equal(OutcomeKind.Forbidden, (await needs.QueueAsync(cast.Enterprise, cast.LeadUnit)).Kind);
            Assert.Equal(OutcomeKind.Forbidden, (await needs.OverviewAsync(cast.Lead)).Kind);
            Assert.Contains((await needs.OverviewAsync(cast.Supervisor)).Value!.Open, r => r.Id == need.Id);
            return 0;
        });
    }
}

public sealed class EnterpriseNeedsOnSqlite(SqliteApp app) : EnterpriseNeedsTests(app), IClassFixture<SqliteApp>;

public sealed class EnterpriseNeedsOnPostgreSql(PostgreSqlApp app) : EnterpriseNeedsTests(app), IClassFixture<PostgreSqlApp>;
