using Followthrough.Audit;
using Followthrough.Services.Applications;
using Followthrough.Services.Catalogue;
using Followthrough.Services.Clock;
using Followthrough.Tests.Infrastructure;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Followthrough.Tests.Services.CatalogueSamples;

namespace Followthrough.Tests.Services;

/// <summary>Applications (办件) on SQLite and PostgreSQL: filing, every step allowed and refused, the clock, the history.</summary>
public abstract class ApplicationsTests(AppFixture app)
{
    public enum Who
    {
        Applicant,
        Staff,
        OtherStaff,
        OtherCitizen,
        Supervisor,
        Approver,
        Clerk,
    }

    public static TheoryData<ApplicationState, ApplicationStep, Who, OutcomeKind> Steps => new()
    {
        // from                                 step                                   by                  answer
        { ApplicationState.Received,            ApplicationStep.Accepted,              Who.Staff,          OutcomeKind.Done },
        { ApplicationState.Received,            ApplicationStep.Accepted,              Who.Clerk,          OutcomeKind.Forbidden },
        { ApplicationState.Received,            ApplicationStep.Accepted,              Who.Approver,       OutcomeKind.Forbidden },
        { ApplicationState.Received,            ApplicationStep.Accepted,              Who.Applicant,      OutcomeKind.Forbidden },
        { ApplicationState.Received,            ApplicationStep.Accepted,              Who.Supervisor,     OutcomeKind.Forbidden },
        { ApplicationState.Received,            ApplicationStep.Accepted,              Who.OtherStaff,     OutcomeKind.NotFound },
        { ApplicationState.Received,            ApplicationStep.Accepted,              Who.OtherCitizen,   OutcomeKind.NotFound },
        { ApplicationState.Received,            ApplicationStep.Refused,               Who.Staff,          OutcomeKind.Done },
        { ApplicationState.Received,            ApplicationStep.Refused,               Who.Applicant,      OutcomeKind.Forbidden },
        { ApplicationState.Received,            ApplicationStep.SupplementRequested,   Who.Staff,          OutcomeKind.Done },
        { ApplicationState.Received,            ApplicationStep.Approved,              Who.Approver,       OutcomeKind.NotNow },
        { ApplicationState.Received,            ApplicationStep.Delivered,             Who.Staff,          OutcomeKind.NotNow },
        { ApplicationState.Received,            ApplicationStep.Resubmitted,           Who.Applicant,      OutcomeKind.NotNow },
        { ApplicationState.Received,            ApplicationStep.Withdrawn,             Who.Applicant,      OutcomeKind.Done },
        { ApplicationState.Received,            ApplicationStep.Withdrawn,             Who.Staff,          OutcomeKind.Forbidden },
        { ApplicationState.SupplementRequested, ApplicationStep.Resubmitted,           Who.Applicant,      OutcomeKind.Done },
        { ApplicationState.SupplementRequested, ApplicationStep.Resubmitted,           Who.Staff,          OutcomeKind.Forbidden },
        { ApplicationState.SupplementRequested, ApplicationStep.Accepted,              Who.Staff,          OutcomeKind.NotNow },
        { ApplicationState.SupplementRequested, ApplicationStep.Withdrawn,             Who.Applicant,      OutcomeKind.Done },
        { ApplicationState.Accepted,            ApplicationStep.Approved,              Who.Approver,       OutcomeKind.Done },
        { ApplicationState.Accepted,            ApplicationStep.Approved,              Who.Staff,          OutcomeKind.Forbidden },
        { ApplicationState.Accepted,            ApplicationStep.Approved,              Who.Clerk,          OutcomeKind.Forbidden },
        { ApplicationState.Accepted,            ApplicationStep.Rejected,              Who.Approver,       OutcomeKind.Done },
        { ApplicationState.Accepted,            ApplicationStep.Rejected,              Who.Staff,          OutcomeKind.Forbidden },
        { ApplicationState.Accepted,            ApplicationStep.Approved,              Who.Applicant,      OutcomeKind.Forbidden },
        { ApplicationState.Accepted,            ApplicationStep.Approved,              Who.Supervisor,     OutcomeKind.Forbidden },
        { ApplicationState.Accepted,            ApplicationStep.Refused,               Who.Staff,          OutcomeKind.NotNow },
        { ApplicationState.Accepted,            ApplicationStep.Delivered,             Who.Staff,          OutcomeKind.NotNow },
        { ApplicationState.Accepted,            ApplicationStep.Withdrawn,             Who.Applicant,      OutcomeKind.Done },
        { ApplicationState.Approved,            ApplicationStep.Approved,              Who.Approver,       OutcomeKind.NotNow },
        { ApplicationState.Approved,            ApplicationStep.Rejected,              Who.Approver,       OutcomeKind.NotNow },
        { ApplicationState.Approved,            ApplicationStep.Delivered,             Who.Staff,          OutcomeKind.Done },
        { ApplicationState.Approved,            ApplicationStep.Delivered,             Who.Applicant,      OutcomeKind.Forbidden },
        { ApplicationState.Approved,            ApplicationStep.Withdrawn,             Who.Applicant,      OutcomeKind.NotNow },
        { ApplicationState.Rejected,            ApplicationStep.Delivered,             Who.Staff,          OutcomeKind.Done },
        { ApplicationState.Rejected,            ApplicationStep.Approved,              Who.Approver,       OutcomeKind.NotNow },
        { ApplicationState.Refused,             ApplicationStep.Accepted,              Who.Staff,          OutcomeKind.NotNow },
        { ApplicationState.Refused,             ApplicationStep.Withdrawn,             Who.Applicant,      OutcomeKind.NotNow },
        { ApplicationState.Delivered,           ApplicationStep.Delivered,             Who.Staff,          OutcomeKind.NotNow },
        { ApplicationState.Withdrawn,           ApplicationStep.Resubmitted,           Who.Applicant,      OutcomeKind.NotNow },
        { ApplicationState.Withdrawn,           ApplicationStep.Accepted,              Who.Staff,          OutcomeKind.NotNow },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task EveryStep_IsAllowedOrRefused_ByRoleAndState(ApplicationState from, ApplicationStep step, Who who, OutcomeKind expected)
    {
        var cast = await ApplicationCast.CreateAsync(app);
        var by = who switch
        {
            Who.Applicant => cast.Applicant,
            Who.Staff => cast.Staff,
            Who.OtherStaff => cast.OtherStaff,
            Who.OtherCitizen => cast.OtherCitizen,
            Who.Approver => cast.Approver,
            Who.Clerk => cast.Clerk,
            _ => cast.Supervisor,
        };
        await app.WithServicesAsync<object?>(async sp =>
        {
            var applications = sp.GetRequiredService<ServiceApplications>();
            var before = await cast.InStateAsync(applications, from);
            var outcome = await applications.TakeStepAsync(by, before.Id, step, ApplicationCast.Complete, before.Version);
            Assert.Equal(expected, outcome.Kind);
            var after = (await applications.GetAsync(cast.Staff, before.Id)).Value!;
            if (expected == OutcomeKind.Done)
            {
                Assert.Equal(ApplicationRules.Steps[step].To, after.State);
                Assert.Equal((before.Version + 1, step), (after.Version, after.Steps[^1].Step));
            }
            else
            {
                Assert.Equal((from, before.Version, before.Steps.Count), (after.State, after.Version, after.Steps.Count)); // nothing written
            }

            return null;
        });
    }

    [Fact]
    public async Task Accepting_StartsTheClock_OnTheItemVersionFiledUnder_AndEveryStepIsHistoryAndAudit()
    {
        var cast = await ApplicationCast.CreateAsync(app, committed: 3, statutory: 20);
        await app.WithServicesAsync<object?>(async sp =>
        {
            var applications = sp.GetRequiredService<ServiceApplications>();
            var filed = await cast.InStateAsync(applications, ApplicationState.Received);
            Assert.Equal((cast.Item.Version, ApplicationChannel.Online, cast.Applicant.PersonId), (filed.ItemVersion, filed.Channel, filed.ApplicantId));
            Assert.Null(filed.CommittedDue);

            // the item changes after filing: the application keeps the limits of the version it was filed under
            var unit = cast.Item.UnitId;
            var changed = await sp.GetRequiredService<ServiceCatalogue>().UpdateAsync(cast.Item.Id, Item(unit, cast.Item.Code, committed: 1, statutory: 10), 1);
            Assert.Equal(2, changed.Value!.Version);

            var asked = await applications.TakeStepAsync(cast.Staff, filed.Id, ApplicationStep.SupplementRequested,
                new StepInput(Missing: ["  Lease contract  ", "", "Floor plan of the kitchen"]), filed.Version);
            Assert.Equal(["Lease contract", "Floor plan of the kitchen"], asked.Value!.Missing);
            var again = await applications.TakeStepAsync(cast.Applicant, filed.Id, ApplicationStep.Resubmitted,
                new StepInput(Answers: new Dictionary<string, string?> { ["companyName"] = "大连海湾餐饮有限公司", ["floorArea"] = "120" }), asked.Value.Version);
            Assert.Equal(ApplicationState.Received, again.Value!.State);
            Assert.Equal("120", again.Value.Answers["floorArea"]);

            var accepted = (await applications.TakeStepAsync(cast.Staff, filed.Id, ApplicationStep.Accepted, new StepInput(), again.Value.Version)).Value!;
            var clock = sp.GetRequiredService<ServiceClock>();
            var on = accepted.AcceptedOn!.Value;
            Assert.Equal((1, 3, 20), (accepted.ItemVersion, accepted.CommittedDays, accepted.StatutoryDays));
            Assert.Equal((await clock.DueAsync(on, 3)).Due, accepted.CommittedDue);
            Assert.Equal((await clock.DueAsync(on, 20)).Due, accepted.StatutoryDue);
            Assert.True(on < accepted.CommittedDue && accepted.CommittedDue < accepted.StatutoryDue);

            var decided = (await applications.TakeStepAsync(cast.Approver, filed.Id, ApplicationStep.Rejected,
                new StepInput(Reason: "The premises are inside a residential building."), accepted.Version)).Value!;
            Assert.Equal("The premises are inside a residential building.", decided.Reason);
            Assert.NotNull(decided.DecidedAt);
            var second = await applications.TakeStepAsync(cast.Approver, filed.Id, ApplicationStep.Approved, new StepInput(), decided.Version);
            Assert.Equal(OutcomeKind.NotNow, second.Kind);
            var stale = await applications.TakeStepAsync(cast.Staff, filed.Id, ApplicationStep.Delivered, new StepInput(), accepted.Version);
            Assert.Equal((OutcomeKind.Stale, decided.Version), (stale.Kind, stale.CurrentVersion));

            Assert.Equal(
                [ApplicationStep.Filed, ApplicationStep.SupplementRequested, ApplicationStep.Resubmitted, ApplicationStep.Accepted, ApplicationStep.Rejected],
                decided.Steps.Select(s => s.Step));
            Assert.Equal("Lease contract\nFloor plan of the kitchen", decided.Steps[1].Note);
            var history = await sp.GetRequiredService<AuditTrail>().HistoryAsync(ServiceApplications.ApplicationsTable, filed.Id);
            Assert.Equal(["filed", "supplement-requested", "resubmitted", "accepted", "rejected"], history.Select(h => h.Action));
            return null;
        });
    }

    [Fact]
    public async Task StepsWithoutWhatTheyNeed_AreRefusedFieldByField_AndNothingIsWritten()
    {
        var cast = await ApplicationCast.CreateAsync(app);
        await app.WithServicesAsync<object?>(async sp =>
        {
            var applications = sp.GetRequiredService<ServiceApplications>();
            var filed = await cast.InStateAsync(applications, ApplicationState.Received);
            var refuse = await applications.TakeStepAsync(cast.Staff, filed.Id, ApplicationStep.Refused, new StepInput(Reason: " "), filed.Version);
            Assert.Equal(["legalBasis", "reason"], refuse.Errors!.ToDictionary().Keys.Order(StringComparer.Ordinal));
            var supplement = await applications.TakeStepAsync(cast.Staff, filed.Id, ApplicationStep.SupplementRequested, new StepInput(Missing: [" "]), filed.Version);
            Assert.Equal([ApplicationRules.MissingRequired], supplement.Errors!.ToDictionary()["missing"]);
            var accepted = await cast.InStateAsync(applications, ApplicationState.Accepted);
            var reject = await applications.TakeStepAsync(cast.Approver, accepted.Id, ApplicationStep.Rejected, new StepInput(), accepted.Version);
            Assert.Equal(["reason"], reject.Errors!.ToDictionary().Keys);
            Assert.Equal(filed.Version, (await applications.GetAsync(cast.Applicant, filed.Id)).Value!.Version);
            Assert.Equal(ApplicationState.Accepted, (await applications.GetAsync(cast.Applicant, accepted.Id)).Value!.State);
            return null;
        });
    }

    [Fact]
    public async Task Filing_IsRefusedForAWithdrawnItem_AndAtTheWindowOnlyByTheUnitsStaff_ForAnEnterpriseOrCitizen()
    {
        var cast = await ApplicationCast.CreateAsync(app);
        await app.WithServicesAsync<object?>(async sp =>
        {
            var applications = sp.GetRequiredService<ServiceApplications>();
            var answers = new Dictionary<string, string?> { ["companyName"] = "大连星海科技有限公司" };
            var window = await applications.FileAsync(cast.Staff, new ApplicationInput(cast.Item.Id, answers, cast.OtherCitizen.PersonId));
            Assert.Equal((ApplicationChannel.Window, cast.OtherCitizen.PersonId), (window.Value!.Channel, window.Value.ApplicantId));
            Assert.True((await applications.GetAsync(cast.OtherCitizen, window.Value.Id)).IsDone);
            Assert.Equal(OutcomeKind.NotFound, (await applications.GetAsync(cast.Applicant, window.Value.Id)).Kind);

            Assert.Equal(OutcomeKind.Forbidden, (await applications.FileAsync(cast.OtherStaff, new ApplicationInput(cast.Item.Id, answers, cast.Applicant.PersonId))).Kind);
            Assert.Equal(OutcomeKind.Forbidden, (await applications.FileAsync(cast.Supervisor, new ApplicationInput(cast.Item.Id, answers, cast.Applicant.PersonId))).Kind);
            var forStaff = await applications.FileAsync(cast.Staff, new ApplicationInput(cast.Item.Id, answers, cast.OtherStaff.PersonId));
            Assert.Equal([ApplicationRules.ApplicantUnknown], forStaff.Errors!.ToDictionary()["applicantId"]);
            var nobody = await applications.FileAsync(cast.Staff, new ApplicationInput(cast.Item.Id, answers));
            Assert.Equal([ApplicationRules.ApplicantRequired], nobody.Errors!.ToDictionary()["applicantId"]);
            var badAnswer = await applications.FileAsync(cast.Applicant, new ApplicationInput(cast.Item.Id, new Dictionary<string, string?> { [" "] = "x" }));
            Assert.Equal([ApplicationRules.AnswerBad], badAnswer.Errors!.ToDictionary()["answers"]);
            Assert.Equal([ApplicationRules.ItemUnknown], (await applications.FileAsync(cast.Applicant, new ApplicationInput(999_999, answers))).Errors!.ToDictionary()["itemId"]);

            await sp.GetRequiredService<ServiceCatalogue>().WithdrawAsync(cast.Item.Id, "Replaced by a notification", cast.Item.Version);
            var withdrawn = await applications.FileAsync(cast.Applicant, new ApplicationInput(cast.Item.Id, answers));
            Assert.Equal([ApplicationRules.ItemWithdrawn], withdrawn.Errors!.ToDictionary()["itemId"]);
            Assert.Single(await applications.MineAsync(cast.OtherCitizen));
            Assert.Empty(await applications.MineAsync(cast.Applicant));
            return null;
        });
    }

    [Fact]
    public async Task TheQueue_ShowsTheUnitsOpenApplications_DueFirst_ToItsStaffAndTheSupervisors()
    {
        var cast = await ApplicationCast.CreateAsync(app);
        await app.WithServicesAsync<object?>(async sp =>
        {
            var applications = sp.GetRequiredService<ServiceApplications>();
            var received = await cast.InStateAsync(applications, ApplicationState.Received);
            var accepted = await cast.InStateAsync(applications, ApplicationState.Accepted);
            var delivered = await cast.InStateAsync(applications, ApplicationState.Delivered);
            var queue = (await applications.QueueAsync(cast.Staff, cast.Item.UnitId, null)).Value!;
            var mine = queue.Where(r => r.Id == received.Id || r.Id == accepted.Id || r.Id == delivered.Id).Select(r => r.Id).ToList();
            Assert.Equal([accepted.Id, received.Id], mine);
            Assert.Equal(5, queue.Single(r => r.Id == accepted.Id).WorkingDaysLeft);
            Assert.Equal([delivered.Id], (await applications.QueueAsync(cast.Supervisor, cast.Item.UnitId, ApplicationState.Delivered)).Value!.Select(r => r.Id).Where(id => id == delivered.Id));
            Assert.Equal(OutcomeKind.Forbidden, (await applications.QueueAsync(cast.OtherStaff, cast.Item.UnitId, null)).Kind);
            Assert.Equal(OutcomeKind.Forbidden, (await applications.QueueAsync(cast.Applicant, cast.Item.UnitId, null)).Kind);
            return null;
        });
    }

    [Fact]
    public async Task Demo_HasApplicationsInSixStates_TakenByTheUnitsStaff()
    {
        var codes = Followthrough.Demo.DemoCatalogue.Codes.ToList();
        var demo = await app.WithServicesAsync(sp => sp.GetRequiredService<FollowthroughDb>().Set<ServiceApplication>()
            .Where(a => codes.Contains(a.ItemCode)).ToListAsync());
        Assert.Equal(
            [ApplicationState.Received, ApplicationState.Accepted, ApplicationState.Refused, ApplicationState.SupplementRequested, ApplicationState.Approved, ApplicationState.Rejected, ApplicationState.Delivered], // Approved: by the rules (秒批)
            demo.Select(a => a.State).Distinct().Order());
        Assert.All(demo.Where(a => a.State == ApplicationState.Accepted), a => Assert.True(a.CommittedDue > a.AcceptedOn));
        Assert.All(demo.Where(a => a.State == ApplicationState.Refused), a => Assert.False(string.IsNullOrEmpty(a.LegalBasis)));
    }
}

public sealed class ApplicationsOnSqlite(SqliteApp app) : ApplicationsTests(app), IClassFixture<SqliteApp>;

public sealed class ApplicationsOnPostgreSql(PostgreSqlApp app) : ApplicationsTests(app), IClassFixture<PostgreSqlApp>;
