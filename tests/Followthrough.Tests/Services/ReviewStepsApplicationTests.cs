using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Followthrough.Calendar;
using Followthrough.Services;
using Followthrough.Services.Applications;
using Followthrough.Services.Catalogue;
using Followthrough.Services.Clock;
using Followthrough.Services.Duties;
using Followthrough.Services.Rules;
using Followthrough.Storage;
using Followthrough.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Services;

/// <summary>
/// Review steps (审查环节) of applications on SQLite and PostgreSQL: copied from the version filed under on acceptance,
/// completed in order by whoever holds each step's duty, the decision held until the last, each step due on the
/// working-day calendar from its start, skipped by 秒批, and shown on the application page in both languages.
/// </summary>
public abstract class ReviewStepsApplicationTests(AppFixture app)
{
    private static readonly WorkingCalendar Dalian = CalendarSnapshot.Embedded.For(ServicesOptions.DefaultCalendarRegion);

    /// <summary>A cast whose item has the two steps (window officer, then reviewer); Clerk is made the unit's reviewer.</summary>
    private async Task<ApplicationCast> CastAsync()
    {
        var basic = await ApplicationCast.CreateAsync(app);
        var item = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<ServiceCatalogue>().CreateAsync(
            CatalogueSamples.Item(basic.Item.UnitId, committed: 5) with { ReviewSteps = ReviewStepsCatalogueTests.TwoSteps })).Value!);
        await ApplicationCast.GiveDutyAsync(app, basic.Clerk, ServiceDuty.Reviewer);
        return basic with { Item = item };
    }

    [Fact]
    public async Task Steps_AreCompletedInOrder_ByTheirDuty_AndTheDecisionWaitsForTheLast()
    {
        var cast = await CastAsync();
        await app.WithServicesAsync<object?>(async sp =>
        {
            var applications = sp.GetRequiredService<ServiceApplications>();
            var reviews = sp.GetRequiredService<ApplicationReviews>();
            var received = await cast.InStateAsync(applications, ApplicationState.Received);
            // the item changes after filing: the application keeps the steps of its version
            var changed = await sp.GetRequiredService<ServiceCatalogue>().UpdateAsync(cast.Item.Id,
                CatalogueSamples.Item(cast.Item.UnitId, code: cast.Item.Code, committed: 5) with { ReviewSteps = [] }, cast.Item.Version);
            Assert.True(changed.IsDone);
            var accepted = (await applications.TakeStepAsync(cast.Staff, received.Id, ApplicationStep.Accepted, ApplicationCast.Complete, received.Version)).Value!;
            Assert.Equal(2, accepted.ReviewSteps.Count);
            var first = accepted.ReviewSteps[0];
            Assert.True(first.IsCurrent);
            Assert.Equal((await sp.GetRequiredService<ServiceClock>().DueAsync(accepted.AcceptedOn!.Value, 2)).Due, first.DueOn);
            Assert.Null(accepted.ReviewSteps[1].StartedOn);

            var early = await applications.TakeStepAsync(cast.Approver, accepted.Id, ApplicationStep.Approved, ApplicationCast.Complete, accepted.Version);
            Assert.Equal((OutcomeKind.NotNow, ReviewSchedule.StepsOpen), (early.Kind, early.Reason));
            Assert.Equal(OutcomeKind.Forbidden, (await reviews.CompleteAsync(cast.Clerk, accepted.Id, 1, "Looked at it", accepted.Version)).Kind);
            Assert.Equal(OutcomeKind.Forbidden, (await reviews.CompleteAsync(cast.Approver, accepted.Id, 1, "Looked at it", accepted.Version)).Kind);
            Assert.Equal(OutcomeKind.NotNow, (await reviews.CompleteAsync(cast.Clerk, accepted.Id, 2, "Out of order", accepted.Version)).Kind);
            Assert.Equal(OutcomeKind.NotFound, (await reviews.CompleteAsync(cast.Staff, accepted.Id, 3, "No such step", accepted.Version)).Kind);
            Assert.Equal(OutcomeKind.NotFound, (await reviews.CompleteAsync(cast.OtherStaff, accepted.Id, 1, "Not my unit", accepted.Version)).Kind);
            Assert.Equal([ApplicationReviews.NoteRequired], (await reviews.CompleteAsync(cast.Staff, accepted.Id, 1, "  ", accepted.Version)).Errors!.ToDictionary()["note"]);
            Assert.Equal(OutcomeKind.Stale, (await reviews.CompleteAsync(cast.Staff, accepted.Id, 1, "Stale", accepted.Version - 1)).Kind);

            var one = await reviews.CompleteAsync(cast.Staff, accepted.Id, 1, "The file is complete.", accepted.Version);
            Assert.True(one.IsDone, $"{one.Kind} {one.Reason}");
            var afterOne = one.Value!;
            Assert.Equal(accepted.Version + 1, afterOne.Version);
            Assert.True(afterOne.ReviewSteps[0].IsDone);
            Assert.Equal(("The file is complete.", cast.Staff.Name), (afterOne.ReviewSteps[0].Note, afterOne.ReviewSteps[0].CompletedBy));
            Assert.True(afterOne.ReviewSteps[1].IsCurrent);
            Assert.Contains(afterOne.Steps, s => s.Step == ApplicationStep.ReviewStepCompleted && s.Note!.Contains("The file is complete.", StringComparison.Ordinal));
            var queue = (await applications.QueueAsync(cast.Staff, cast.Item.UnitId, ApplicationState.Accepted)).Value!;
            Assert.Equal(2, queue.Single(r => r.Id == accepted.Id).CurrentReview!.Number);

            var two = (await reviews.CompleteAsync(cast.Clerk, accepted.Id, 2, "The premises match the plan.", afterOne.Version)).Value!;
            Assert.False(two.ReviewOpen);
            Assert.Null((await applications.QueueAsync(cast.Staff, cast.Item.UnitId, ApplicationState.Accepted)).Value!.Single(r => r.Id == accepted.Id).CurrentReview);
            var approved = await applications.TakeStepAsync(cast.Approver, accepted.Id, ApplicationStep.Approved, ApplicationCast.Complete, two.Version);
            Assert.True(approved.IsDone, $"{approved.Kind} {approved.Reason}");
            Assert.Equal(OutcomeKind.NotNow, (await reviews.CompleteAsync(cast.Clerk, accepted.Id, 2, "Again", approved.Value!.Version)).Kind);
            return null;
        });
    }

    [Fact]
    public async Task AnItemWithoutSteps_IsDecidedStraightAfterAcceptance_AsBefore()
    {
        var cast = await ApplicationCast.CreateAsync(app);
        var approved = await app.WithServicesAsync(sp => cast.InStateAsync(sp.GetRequiredService<ServiceApplications>(), ApplicationState.Approved));
        Assert.Empty(approved.ReviewSteps);
    }

    [Theory]
    [InlineData("2026-02-13", 2, null, "2026-02-24")]                     // across the Spring Festival: the make-up Saturday counts, the holiday does not
    [InlineData("2026-02-13", 2, "2026-02-14..2026-02-14", "2026-02-25")] // a pause after the start moves the step's due date
    [InlineData("2026-02-13", 2, "2026-02-10..2026-02-12", "2026-02-24")] // one before the start does not
    [InlineData("2025-09-30", 1, null, "2025-10-09")]                     // National Day and Mid-Autumn
    public async Task AStep_FallsDue_ItsOwnWorkingDaysAfterItsStart(string start, int days, string? pause, string due)
    {
        var on = DateOnly.Parse(start, CultureInfo.InvariantCulture);
        var errors = new ValidationErrors();
        ClockPause? period = pause is null ? null : DeadlineInput.Pause(pause, "pause", errors);
        var review = new ApplicationReview { NameZh = "材料审查", NameEn = "Check", Days = days, Duty = ServiceDuty.WindowOfficer };
        await app.WithServicesAsync<object?>(async sp =>
        {
            await ReviewSchedule.BeginAsync(sp.GetRequiredService<FollowthroughDb>(), sp.GetRequiredService<ServiceClock>(), review, 0, on, default, period);
            return null;
        });
        Assert.Equal(due, CalendarInput.Iso(review.DueOn!.Value));
        Assert.Equal(LegalClock.Due(Dalian, on, days, period is { } p && p.To > on ? [new ClockPause(p.From < on ? on : p.From, p.To)] : []).Due, review.DueOn);
    }

    [Fact]
    public async Task RulesDecidingAtOnce_SkipTheReviewSteps_AndSaySo()
    {
        var basic = await ApplicationCast.CreateAsync(app);
        var item = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<ServiceCatalogue>().CreateAsync(
            CatalogueSamples.Item(basic.Item.UnitId, committed: 5) with
            {
                AutoDecidable = true,
                Fields = [new FormFieldInput("investment", "总投资", "Investment", "Number", true)],
                ReviewSteps = ReviewStepsCatalogueTests.TwoSteps,
            })).Value!);
        await app.WithServicesAsync(async sp => (await sp.GetRequiredService<AutoApproval>().SaveAsync(
            basic.Supervisor, item.Id, [new RuleLineInput("investment <= 100", "总投资不超过100万元", "At most 1 million", false)], null)).Value!);
        var filed = await app.WithServicesAsync(sp => sp.GetRequiredService<ServiceApplications>().FileAsync(
            basic.OtherCitizen, new ApplicationInput(item.Id, new Dictionary<string, string?> { ["investment"] = "50" })));
        Assert.True(filed.IsDone, $"{filed.Kind} {filed.Reason}");
        Assert.Equal(ApplicationState.Approved, filed.Value!.State);
        Assert.Empty(filed.Value.ReviewSteps);
        Assert.Equal(ReviewStepRules.SkippedByRules, filed.Value.Steps.Single(s => s.Step == ApplicationStep.Accepted).Note);
    }

    [Fact]
    public async Task Api_CompletesAStep_WithProblemDetails_ForEveryRefusal()
    {
        var cast = await CastAsync();
        var officer = await app.CreateUserAsync(Role.UnitStaff, ApplicationCast.UnitCode);
        await ApplicationCast.GiveDutyAsync(app, officer, ServiceDuty.WindowOfficer);
        var accepted = await app.WithServicesAsync(sp => cast.InStateAsync(sp.GetRequiredService<ServiceApplications>(), ApplicationState.Accepted));
        var client = await app.ApiClientAsync(officer);
        var path = $"/api/v1/services/applications/{accepted.Id}/review-steps/1/complete";
        Assert.Equal((HttpStatusCode)428, (await client.PostAsJsonAsync(path, new { note = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync(path, new { version = accepted.Version, note = "" })).StatusCode);
        var second = path.Replace("/1/", "/2/", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync(second, new { version = accepted.Version, note = "x" })).StatusCode); // the reviewer's step
        var reviewer = await app.ApiClientAsync(new TestUser(cast.Clerk.PersonId!.Value, cast.Clerk.Name, Role.UnitStaff, cast.Clerk.UnitId));
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.PostAsJsonAsync(second, new { version = accepted.Version, note = "x" })).StatusCode); // not yet
        var clerk = await app.ApiClientAsync(Role.UnitStaff, ApplicationCast.UnitCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync(path, new { version = accepted.Version, note = "x" })).StatusCode);
        var done = await client.PostAsJsonAsync(path, new { version = accepted.Version, note = "The file is complete." });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var entry = await done.Content.ReadFromJsonAsync<ServiceApplicationEntry>(Followthrough.Services.Catalogue.ServiceCatalogue.Json);
        Assert.True(entry!.ReviewSteps[0].IsDone);
        var approve = await (await app.ApiClientAsync(new TestUser(cast.Approver.PersonId!.Value, cast.Approver.Name, Role.UnitStaff, cast.Approver.UnitId)))
            .PostAsJsonAsync($"/api/v1/services/applications/{accepted.Id}/approve", new { version = entry.Version });
        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
        Assert.Contains("review step", await approve.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePage_ShowsDoneCurrentAndComingSteps_InBothLanguages_AndOffersTheStepToItsDuty()
    {
        var cast = await CastAsync();
        var applicant = await SignedInBrowserClient.CreateAsync(app, Role.Citizen);
        var officer = await SignedInBrowserClient.CreateAsync(app, Role.UnitStaff, ApplicationCast.UnitCode);
        await ApplicationCast.GiveDutyAsync(app, officer.User!, ServiceDuty.WindowOfficer);
        var mine = cast with { Applicant = new CurrentUser(applicant.User!.PersonId, applicant.User.UserName, Role.Citizen, null) };
        var accepted = await app.WithServicesAsync(sp => mine.InStateAsync(sp.GetRequiredService<ServiceApplications>(), ApplicationState.Accepted));
        var status = $"/services/applications/{accepted.Id}";

        var page = await officer.GetPageAsync(status);
        Assert.Contains("Review steps", page, StringComparison.Ordinal);
        Assert.Contains("Complete this step", page, StringComparison.Ordinal);
        Assert.Contains("To come", page, StringComparison.Ordinal);
        Assert.Contains("Next: the review step “Check of the file”", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Complete this step", await applicant.GetPageAsync(status), StringComparison.Ordinal);
        var empty = await officer.PostFormAsync(status, [F("version", accepted.Version.ToString(CultureInfo.InvariantCulture)), F("number", "1"), F("Note", "")], status + "?handler=CompleteReview");
        Assert.Contains("Give your note on the step", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var done = await officer.PostFormAsync(status, [F("version", accepted.Version.ToString(CultureInfo.InvariantCulture)), F("number", "1"), F("Note", "材料齐全")], status + "?handler=CompleteReview");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains("Review step 2: On-site check", await officer.GetPageAsync($"/services/applications?unitId={cast.Item.UnitId}"), StringComparison.Ordinal);

        var chinese = await SignedInBrowserClient.SignInAsync(app, applicant.User!, AppFixture.Password, acceptLanguage: "zh-CN");
        var zh = await chinese.GetPageAsync(status);
        Assert.Contains("审查环节", zh, StringComparison.Ordinal);
        Assert.Contains("已办结", zh, StringComparison.Ordinal);
        Assert.Contains("现场核查", zh, StringComparison.Ordinal);
        Assert.Contains("办理中", zh, StringComparison.Ordinal);
    }

    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);
}

public sealed class ReviewStepsApplicationOnSqlite(SqliteApp app) : ReviewStepsApplicationTests(app), IClassFixture<SqliteApp>;

public sealed class ReviewStepsApplicationOnPostgreSql(PostgreSqlApp app) : ReviewStepsApplicationTests(app), IClassFixture<PostgreSqlApp>;
