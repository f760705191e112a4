using System.Net;
using System.Net.Http.Json;
using Followthrough.Calendar;
using Followthrough.Services;
using Followthrough.Services.Applications;
using Followthrough.Services.Clock;
using Followthrough.Services.Duties;
using Followthrough.Storage;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Services;

/// <summary>
/// The clock after acceptance on SQLite and PostgreSQL: pauses (Art. 45) moving the due dates, one extension of at
/// most 10 working days asked by the unit and approved by its approver (Art. 42), 容缺受理 blocking approval until the
/// promise is kept, due dates recomputed when the working-day calendar changes, and the duties that allow each step.
/// </summary>
public abstract class ApplicationClockTests(AppFixture app)
{
    private static readonly WorkingCalendar Dalian = CalendarSnapshot.Embedded.For(ServicesOptions.DefaultCalendarRegion);

    public static TheoryData<string, int, string, int, string> Pauses => new()
    {
        // accepted    committed  pause                        extension  committed due
        { "2026-02-13", 20,       "2026-02-14..2026-02-28",    0,         "2026-03-27" }, // across the Spring Festival: the make-up Saturdays and 24–27 Feb paused
        { "2025-09-26", 20,       "2025-10-01..2025-10-08",    0,         "2025-10-30" }, // inside the National Day holiday: no working day paused, nothing moves
        { "2026-02-13", 2,        "2026-02-13..2026-02-13",    0,         "2026-02-24" }, // on the day of acceptance, which never counts
        { "2026-09-18", 20,       "2026-09-20..2026-09-20",    10,        "2026-11-06" }, // a make-up Sunday paused, and the extension
    };

    [Theory]
    [MemberData(nameof(Pauses))]
    public async Task APause_MovesTheDueDates_ThroughTheLegalClock_AndSaysSoInTheHistory(string accepted, int committed, string pause, int extension, string due)
    {
        var cast = await ApplicationCast.CreateAsync(app, committed: committed, statutory: 40);
        var on = DateOnly.Parse(accepted, System.Globalization.CultureInfo.InvariantCulture);
        var errors = new ValidationErrors();
        var period = DeadlineInput.Pause(pause, "pause", errors)!.Value;
        await app.WithServicesAsync<object?>(async sp =>
        {
            var applications = sp.GetRequiredService<ServiceApplications>();
            var steps = sp.GetRequiredService<ApplicationClockSteps>();
            var current = await AcceptedOnAsync(sp, cast, on);
            var before = current.CommittedDue;
            if (extension > 0)
            {
                current = (await steps.RequestExtensionAsync(cast.Staff, current.Id, "Expert review of the site plan takes longer.", current.Version)).Value!;
                current = (await steps.ApproveExtensionAsync(cast.Approver, current.Id, extension, current.Version)).Value!;
            }

            var paused = await steps.RecordPauseAsync(cast.Staff, current.Id, new PauseInput(PauseKind.ExpertReview, "Expert review of the fire safety plan", period.From, period.To), current.Version);
            Assert.True(paused.IsDone, $"{paused.Kind} {paused.Reason}");
            var after = paused.Value!;
            Assert.Equal(due, CalendarInput.Iso(after.CommittedDue!.Value));
            Assert.Equal(LegalClock.Due(Dalian, on, 40, [period], extension).Due, after.StatutoryDue);
            Assert.Equal((period.From, period.To, PauseKind.ExpertReview), (after.Pauses.Single().From, after.Pauses.Single().To, after.Pauses.Single().Kind));
            Assert.Contains(after.Steps, s => s.Step == ApplicationStep.Paused);
            var moved = after.Steps.Where(s => s.Step == ApplicationStep.DueDatesChanged).ToList();
            if (after.CommittedDue != before)
            {
                Assert.Contains($"→ {due}", moved[^1].Note, StringComparison.Ordinal);
            }

            Assert.Equal(extension > 0 || after.CommittedDue != before, moved.Count > 0);
            return null;
        });
    }

    [Fact]
    public async Task ClockSteps_AreAllowedAndRefused_ByDuty_AndBadPausesAreFieldErrors()
    {
        var cast = await ApplicationCast.CreateAsync(app);
        await app.WithServicesAsync<object?>(async sp =>
        {
            var steps = sp.GetRequiredService<ApplicationClockSteps>();
            var received = await cast.InStateAsync(sp.GetRequiredService<ServiceApplications>(), ApplicationState.Received);
            Assert.Equal(OutcomeKind.NotNow, (await steps.RequestExtensionAsync(cast.Staff, received.Id, "too early", received.Version)).Kind);
            var a = await cast.InStateAsync(sp.GetRequiredService<ServiceApplications>(), ApplicationState.Accepted);
            var pause = new PauseInput(PauseKind.Testing, "Water quality testing", a.AcceptedOn, a.AcceptedOn!.Value.AddDays(3));
            Assert.Equal(OutcomeKind.Forbidden, (await steps.RecordPauseAsync(cast.Applicant, a.Id, pause, a.Version)).Kind);
            Assert.Equal(OutcomeKind.Forbidden, (await steps.RecordPauseAsync(cast.Clerk, a.Id, pause, a.Version)).Kind);
            Assert.Equal(OutcomeKind.Forbidden, (await steps.RecordPauseAsync(cast.Supervisor, a.Id, pause, a.Version)).Kind);
            Assert.Equal(OutcomeKind.NotFound, (await steps.RecordPauseAsync(cast.OtherStaff, a.Id, pause, a.Version)).Kind);
            var bad = await steps.RecordPauseAsync(cast.Staff, a.Id, new PauseInput(null, " ", a.AcceptedOn!.Value.AddDays(-1), a.AcceptedOn), a.Version);
            Assert.Equal(["from", "kind", "reason"], bad.Errors!.ToDictionary().Keys.Order(StringComparer.Ordinal));
            Assert.Equal(OutcomeKind.Stale, (await steps.RecordPauseAsync(cast.Approver, a.Id, pause, a.Version - 1)).Kind);
            var byApprover = await steps.RecordPauseAsync(cast.Approver, a.Id, pause, a.Version);
            Assert.True(byApprover.IsDone);

            Assert.Equal(OutcomeKind.Forbidden, (await steps.RequestExtensionAsync(cast.Clerk, a.Id, "more time", byApprover.Value!.Version)).Kind);
            Assert.Equal(OutcomeKind.Forbidden, (await steps.RequestExtensionAsync(cast.Applicant, a.Id, "more time", byApprover.Value!.Version)).Kind);
            Assert.Equal(OutcomeKind.NotNow, (await steps.ApproveExtensionAsync(cast.Approver, a.Id, 5, byApprover.Value!.Version)).Kind); // nothing asked
            var asked = (await steps.RequestExtensionAsync(cast.Staff, a.Id, "A hearing was requested by a neighbour.", byApprover.Value!.Version)).Value!;
            Assert.Equal("A hearing was requested by a neighbour.", asked.ExtensionRequested);
            Assert.Equal(OutcomeKind.NotNow, (await steps.RequestExtensionAsync(cast.Staff, a.Id, "again", asked.Version)).Kind);
            Assert.Equal(OutcomeKind.Forbidden, (await steps.ApproveExtensionAsync(cast.Staff, a.Id, 5, asked.Version)).Kind);
            var tooLong = await steps.ApproveExtensionAsync(cast.Approver, a.Id, 11, asked.Version);
            Assert.Equal(ApplicationClockSteps.ExtensionTooLong, tooLong.Errors!.ToDictionary()["days"].Single());
            var unchanged = (await sp.GetRequiredService<ServiceApplications>().GetAsync(cast.Staff, a.Id)).Value!;
            Assert.Equal((asked.Version, 0, asked.CommittedDue, asked.Steps.Count), (unchanged.Version, unchanged.ExtensionDays, unchanged.CommittedDue, unchanged.Steps.Count));
            var extended = (await steps.ApproveExtensionAsync(cast.Approver, a.Id, null, asked.Version)).Value!;
            Assert.Equal((10, null), (extended.ExtensionDays, extended.ExtensionRequested));
            Assert.Equal(await sp.GetRequiredService<ServiceClock>().DueAsync(extended.AcceptedOn!.Value, extended.StatutoryDays, [new ClockPause(pause.From!.Value, pause.To!.Value)], 10) is { } d ? d.Due : default, extended.StatutoryDue);
            Assert.Equal(OutcomeKind.NotNow, (await steps.RequestExtensionAsync(cast.Staff, a.Id, "once more", extended.Version)).Kind);
            return null;
        });
    }

    [Fact]
    public async Task AcceptingOnAPromise_BlocksApproval_UntilTheApplicantSuppliesTheMaterials()
    {
        var plain = await ApplicationCast.CreateAsync(app);
        var cast = await ApplicationCast.CreateAsync(app, acceptsOnPromise: true);
        await app.WithServicesAsync<object?>(async sp =>
        {
            var applications = sp.GetRequiredService<ServiceApplications>();
            var steps = sp.GetRequiredService<ApplicationClockSteps>();
            var tomorrow = sp.GetRequiredService<FollowthroughDb>().Clock.Today().AddDays(7);
            var promise = new StepInput { Promise = new PromiseInput(["Fire safety inspection certificate"], tomorrow) };
            var other = await plain.InStateAsync(applications, ApplicationState.Received);
            var refused = await applications.TakeStepAsync(plain.Staff, other.Id, ApplicationStep.Accepted, promise, other.Version);
            Assert.Equal(ApplicationPromises.NotAllowed, refused.Errors!.ToDictionary()["promise"].Single());

            var filed = await cast.InStateAsync(applications, ApplicationState.Received);
            var bad = await applications.TakeStepAsync(cast.Staff, filed.Id, ApplicationStep.Accepted,
                new StepInput { Promise = new PromiseInput([" "], tomorrow.AddDays(-7)) }, filed.Version);
            Assert.Equal(["promise.by", "promise.missing"], bad.Errors!.ToDictionary().Keys.Order(StringComparer.Ordinal));
            var accepted = (await applications.TakeStepAsync(cast.Staff, filed.Id, ApplicationStep.Accepted, promise, filed.Version)).Value!;
            Assert.Equal(["Fire safety inspection certificate"], accepted.Promised);
            Assert.Equal((tomorrow, true), (accepted.PromisedBy, accepted.PromiseOutstanding));
            var blocked = await applications.TakeStepAsync(cast.Approver, filed.Id, ApplicationStep.Approved, new StepInput(), accepted.Version);
            Assert.Equal((OutcomeKind.NotNow, ApplicationPromises.Outstanding), (blocked.Kind, blocked.Reason));
            Assert.Equal(OutcomeKind.Forbidden, (await steps.KeepPromiseAsync(cast.Staff, filed.Id, accepted.Version)).Kind);
            var kept = (await steps.KeepPromiseAsync(cast.Applicant, filed.Id, accepted.Version)).Value!;
            Assert.False(kept.PromiseOutstanding);
            Assert.Equal(OutcomeKind.NotNow, (await steps.KeepPromiseAsync(cast.Applicant, filed.Id, kept.Version)).Kind);
            var approved = await applications.TakeStepAsync(cast.Approver, filed.Id, ApplicationStep.Approved, new StepInput(), kept.Version);
            Assert.Equal(ApplicationState.Approved, approved.Value!.State);
            return null;
        });
    }

    [Fact]
    public async Task ACalendarChange_RecomputesOpenApplications_AndRecordsOldAndNew()
    {
        var cast = await ApplicationCast.CreateAsync(app, committed: 5, statutory: 20);
        var accepted = await app.WithServicesAsync(sp => cast.InStateAsync(sp.GetRequiredService<ServiceApplications>(), ApplicationState.Accepted));
        var on = accepted.AcceptedOn!.Value;
        var dayOff = Dalian.AddWorkingDays(on, 1).Date; // the first counted working day becomes a day off
        await app.WithServicesAsync<object?>(async sp =>
        {
            var store = sp.GetRequiredService<CalendarStore>();
            var (day, problem) = await store.AddRegionalDayAsync(ServicesOptions.DefaultCalendarRegion, dayOff, true, "Test: a day off for the city");
            Assert.Equal(RegionalDayProblem.None, problem);
            try
            {
                var after = (await sp.GetRequiredService<ServiceApplications>().GetAsync(cast.Staff, accepted.Id)).Value!;
                var calendar = await sp.GetRequiredService<ServiceClock>().CalendarAsync();
                Assert.Equal(LegalClock.Due(calendar, on, 5).Due, after.CommittedDue);
                Assert.NotEqual(accepted.CommittedDue, after.CommittedDue);
                var step = after.Steps[^1];
                Assert.Equal((ApplicationStep.DueDatesChanged, "Working-day calendar"), (step.Step, step.TakenBy));
                Assert.Contains($"{CalendarInput.Iso(accepted.CommittedDue!.Value)} → {CalendarInput.Iso(after.CommittedDue!.Value)}", step.Note, StringComparison.Ordinal);
            }
            finally
            {
                await store.DeleteRegionalDayAsync(ServicesOptions.DefaultCalendarRegion, day!.Id, null);
            }

            var back = (await sp.GetRequiredService<ServiceApplications>().GetAsync(cast.Staff, accepted.Id)).Value!;
            Assert.Equal(accepted.CommittedDue, back.CommittedDue);
            return null;
        });
    }

    [Fact]
    public async Task Duties_AreKeptByTheSupervisionOffice_ForTheUnitsOwnStaffOnly()
    {
        var cast = await ApplicationCast.CreateAsync(app);
        var supervisor = await app.ApiClientAsync(Role.Supervisor);
        var staff = await app.ApiClientAsync(Role.UnitStaff, ApplicationCast.UnitCode);
        var body = new { unitId = cast.Item.UnitId, personId = cast.OtherStaff.PersonId, duty = "Approver" };
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PostAsJsonAsync("/api/v1/services/duties", body)).StatusCode); // not the unit's staff
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/v1/services/duties", body with { personId = cast.Clerk.PersonId })).StatusCode);
        var given = await supervisor.PostAsJsonAsync("/api/v1/services/duties", body with { personId = cast.Clerk.PersonId });
        Assert.Equal(HttpStatusCode.Created, given.StatusCode);
        var entry = (await given.Content.ReadFromJsonAsync<ServiceDutyEntry>())!;
        var list = await staff.GetFromJsonAsync<List<ServiceDutyEntry>>($"/api/v1/services/duties?unitId={cast.Item.UnitId}");
        Assert.Contains(list!, d => d.Id == entry.Id && d.Duty == ServiceDuty.Approver);
        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.DeleteAsync($"/api/v1/services/duties/{entry.Id}")).StatusCode);
    }

    /// <summary>An application accepted on a given day, its due dates as the clock gives them.</summary>
    private static async Task<ServiceApplicationEntry> AcceptedOnAsync(IServiceProvider sp, ApplicationCast cast, DateOnly on)
    {
        var accepted = await cast.InStateAsync(sp.GetRequiredService<ServiceApplications>(), ApplicationState.Accepted);
        var db = sp.GetRequiredService<FollowthroughDb>();
        var clock = sp.GetRequiredService<ServiceClock>();
        var committed = (await clock.DueAsync(on, accepted.CommittedDays)).Due;
        var statutory = (await clock.DueAsync(on, accepted.StatutoryDays)).Due;
        await db.Set<ServiceApplication>().Where(a => a.Id == accepted.Id).ExecuteUpdateAsync(a => a
            .SetProperty(x => x.AcceptedOn, on).SetProperty(x => x.CommittedDue, committed).SetProperty(x => x.StatutoryDue, statutory));
        db.ChangeTracker.Clear();
        return (await sp.GetRequiredService<ServiceApplications>().GetAsync(cast.Staff, accepted.Id)).Value!;
    }
}

public sealed class ApplicationClockOnSqlite(SqliteApp app) : ApplicationClockTests(app), IClassFixture<SqliteApp>;

public sealed class ApplicationClockOnPostgreSql(PostgreSqlApp app) : ApplicationClockTests(app), IClassFixture<PostgreSqlApp>;
