using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Followthrough.Audit;
using Followthrough.Services.Applications;
using Followthrough.Services.Catalogue;
using Followthrough.Services.Clock;
using Followthrough.Services.Duties;
using Followthrough.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Services;

/// <summary>
/// Sending an application back (退回) from its current review step to the one before, on SQLite and PostgreSQL: by
/// whoever holds the current step's duty, with a reason; the earlier step opens again with a fresh due date, the
/// current one waits; refused at the first step, out of order, out of review and without the duty; in the history and
/// the audit; through the API with ProblemDetails and on the application page in both languages.
/// </summary>
public abstract class ReviewStepSendBackTests(AppFixture app)
{
    /// <summary>A cast whose item has two steps (window officer, then reviewer); Clerk is made the unit's reviewer.</summary>
    private async Task<ApplicationCast> CastAsync()
    {
        var basic = await ApplicationCast.CreateAsync(app);
        var item = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<ServiceCatalogue>().CreateAsync(
            CatalogueSamples.Item(basic.Item.UnitId, committed: 5) with { ReviewSteps = ReviewStepsCatalogueTests.TwoSteps })).Value!);
        await ApplicationCast.GiveDutyAsync(app, basic.Clerk, ServiceDuty.Reviewer);
        return basic with { Item = item };
    }

    [Fact]
    public async Task TheCurrentStepsDuty_SendsItBack_ThePreviousStepReopens_WithAFreshDueDate()
    {
        var cast = await CastAsync();
        await app.WithServicesAsync<object?>(async sp =>
        {
            var applications = sp.GetRequiredService<ServiceApplications>();
            var reviews = sp.GetRequiredService<ApplicationReviews>();
            var accepted = await cast.InStateAsync(applications, ApplicationState.Accepted);
            var atFirst = await reviews.SendBackAsync(cast.Staff, accepted.Id, 1, "Nothing before", accepted.Version);
            Assert.Equal((OutcomeKind.NotNow, ApplicationReviews.FirstStep), (atFirst.Kind, atFirst.Reason));

            var one = (await reviews.CompleteAsync(cast.Staff, accepted.Id, 1, "The file is complete.", accepted.Version)).Value!;
            Assert.Equal(OutcomeKind.Forbidden, (await reviews.SendBackAsync(cast.Staff, accepted.Id, 2, "Not my duty", one.Version)).Kind);
            Assert.Equal(OutcomeKind.NotFound, (await reviews.SendBackAsync(cast.OtherStaff, accepted.Id, 2, "Not my unit", one.Version)).Kind);
            Assert.Equal((OutcomeKind.NotNow, ApplicationReviews.NotCurrent), await KindAsync(reviews.SendBackAsync(cast.Staff, accepted.Id, 1, "Done already", one.Version)));
            Assert.Equal([ApplicationReviews.SendBackReasonRequired], (await reviews.SendBackAsync(cast.Clerk, accepted.Id, 2, " ", one.Version)).Errors!.ToDictionary()["reason"]);
            Assert.Equal(OutcomeKind.Stale, (await reviews.SendBackAsync(cast.Clerk, accepted.Id, 2, "Stale", one.Version - 1)).Kind);

            var back = await reviews.SendBackAsync(cast.Clerk, accepted.Id, 2, "The floor plan does not match the premises.", one.Version);
            Assert.True(back.IsDone, $"{back.Kind} {back.Reason}");
            var sent = back.Value!;
            Assert.Equal(one.Version + 1, sent.Version);
            var today = sp.GetRequiredService<Followthrough.Storage.FollowthroughDb>().Clock.Today();
            Assert.True(sent.ReviewSteps[0].IsCurrent);
            Assert.Equal((today, (await sp.GetRequiredService<ServiceClock>().DueAsync(today, 2)).Due), (sent.ReviewSteps[0].StartedOn!.Value, sent.ReviewSteps[0].DueOn!.Value));
            Assert.Null(sent.ReviewSteps[0].Note);
            Assert.Null(sent.ReviewSteps[1].StartedOn);
            Assert.False(sent.ReviewSteps[1].IsCurrent);
            Assert.True(sent.ReviewOpen);
            var step = sent.Steps[^1];
            Assert.Equal((ApplicationStep.ReviewStepSentBack, cast.Clerk.Name), (step.Step, step.TakenBy));
            Assert.Contains("The floor plan does not match the premises.", step.Note, StringComparison.Ordinal);
            Assert.Contains(sent.Steps, s => s.Step == ApplicationStep.ReviewStepCompleted && s.Note!.Contains("The file is complete.", StringComparison.Ordinal));
            var queue = (await applications.QueueAsync(cast.Staff, cast.Item.UnitId, ApplicationState.Accepted)).Value!;
            Assert.Equal(1, queue.Single(r => r.Id == accepted.Id).CurrentReview!.Number);
            var history = await sp.GetRequiredService<AuditTrail>().HistoryAsync(ServiceApplications.ApplicationsTable, accepted.Id);
            Assert.Equal("review-step-sent-back", history[^1].Action);

            // the earlier step is done again, and the later one starts over
            var again = (await reviews.CompleteAsync(cast.Staff, accepted.Id, 1, "The plan was redrawn.", sent.Version)).Value!;
            Assert.True(again.ReviewSteps[1].IsCurrent);
            var done = (await reviews.CompleteAsync(cast.Clerk, accepted.Id, 2, "The premises match the plan.", again.Version)).Value!;
            Assert.False(done.ReviewOpen);
            var approved = (await applications.TakeStepAsync(cast.Approver, accepted.Id, ApplicationStep.Approved, ApplicationCast.Complete, done.Version)).Value!;
            Assert.Equal((OutcomeKind.NotNow, ApplicationReviews.NotAccepted), await KindAsync(reviews.SendBackAsync(cast.Clerk, accepted.Id, 2, "Too late", approved.Version)));
            return null;
        });
    }

    [Fact]
    public async Task Api_SendsBack_WithProblemDetails_ForEveryRefusal()
    {
        var cast = await CastAsync();
        var officer = await app.CreateUserAsync(Role.UnitStaff, ApplicationCast.UnitCode);
        await ApplicationCast.GiveDutyAsync(app, officer, ServiceDuty.WindowOfficer);
        var accepted = await app.WithServicesAsync(sp => cast.InStateAsync(sp.GetRequiredService<ServiceApplications>(), ApplicationState.Accepted));
        var client = await app.ApiClientAsync(officer);
        var first = $"/api/v1/services/applications/{accepted.Id}/review-steps/1/send-back";
        Assert.Equal((HttpStatusCode)428, (await client.PostAsJsonAsync(first, new { reason = "x" })).StatusCode);
        var atFirst = await client.PostAsJsonAsync(first, new { version = accepted.Version, reason = "x" });
        Assert.Equal(HttpStatusCode.Conflict, atFirst.StatusCode);
        Assert.Equal("application/problem+json", atFirst.Content.Headers.ContentType?.MediaType);
        Assert.Contains("first review step", await atFirst.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var one = await client.PostAsJsonAsync($"/api/v1/services/applications/{accepted.Id}/review-steps/1/complete", new { version = accepted.Version, note = "Complete." });
        var version = (await one.Content.ReadFromJsonAsync<ServiceApplicationEntry>(ServiceCatalogue.Json))!.Version;
        var second = first.Replace("/1/", "/2/", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync(second, new { version, reason = "x" })).StatusCode); // the reviewer's step
        var reviewer = await app.ApiClientAsync(new TestUser(cast.Clerk.PersonId!.Value, cast.Clerk.Name, Role.UnitStaff, cast.Clerk.UnitId));
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.PostAsJsonAsync(second, new { version, reason = "" })).StatusCode);
        var sent = await reviewer.PostAsJsonAsync(second, new { version, reason = "Redraw the floor plan." });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var entry = await sent.Content.ReadFromJsonAsync<ServiceApplicationEntry>(ServiceCatalogue.Json);
        Assert.True(entry!.ReviewSteps[0].IsCurrent);
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.PostAsJsonAsync(second, new { version = entry.Version, reason = "Again" })).StatusCode); // not current now
    }

    [Fact]
    public async Task ThePage_OffersSendingBack_FromTheSecondStep_InBothLanguages()
    {
        var cast = await CastAsync();
        var reviewer = await SignedInBrowserClient.CreateAsync(app, Role.UnitStaff, ApplicationCast.UnitCode);
        await ApplicationCast.GiveDutyAsync(app, reviewer.User!, ServiceDuty.Reviewer);
        var (id, version) = await app.WithServicesAsync(async sp =>
        {
            var accepted = await cast.InStateAsync(sp.GetRequiredService<ServiceApplications>(), ApplicationState.Accepted);
            var one = (await sp.GetRequiredService<ApplicationReviews>().CompleteAsync(cast.Staff, accepted.Id, 1, "材料齐全", accepted.Version)).Value!;
            return (one.Id, one.Version);
        });
        var status = $"/services/applications/{id}";
        var page = await reviewer.GetPageAsync(status);
        Assert.Contains("Send back to the previous step", page, StringComparison.Ordinal);
        Assert.Contains("Why “Check of the file” must look at it again", page, StringComparison.Ordinal);

        var v = version.ToString(CultureInfo.InvariantCulture);
        var empty = await reviewer.PostFormAsync(status, [F("version", v), F("number", "2"), F("SendBackReason", "")], status + "?handler=SendBack");
        var refused = await empty.Content.ReadAsStringAsync();
        Assert.Contains("id=\"sendBackReason-error\"", refused, StringComparison.Ordinal);
        Assert.Contains("Give the reason for sending it back", refused, StringComparison.Ordinal);
        var sent = await reviewer.PostFormAsync(status, [F("version", v), F("number", "2"), F("SendBackReason", "平面图与现场不符")], status + "?handler=SendBack");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var after = await reviewer.GetPageAsync(status);
        Assert.Contains("Sent back to the previous review step", after, StringComparison.Ordinal);
        Assert.Contains("2. On-site check: 平面图与现场不符", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Send back to the previous step<", after, StringComparison.Ordinal); // the reviewer's step waits again

        var chinese = await SignedInBrowserClient.SignInAsync(app, reviewer.User!, AppFixture.Password, acceptLanguage: "zh-CN");
        var zh = await chinese.GetPageAsync(status);
        Assert.Contains("退回上一审查环节", zh, StringComparison.Ordinal);
        Assert.Contains("2. 现场核查: 平面图与现场不符", zh, StringComparison.Ordinal);
        Assert.DoesNotContain("On-site check", zh, StringComparison.Ordinal);
    }

    private static async Task<(OutcomeKind, string?)> KindAsync(Task<Outcome<ServiceApplicationEntry>> outcome)
    {
        var o = await outcome;
        return (o.Kind, o.Reason);
    }

    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);
}

public sealed class ReviewStepSendBackOnSqlite(SqliteApp app) : ReviewStepSendBackTests(app), IClassFixture<SqliteApp>;

public sealed class ReviewStepSendBackOnPostgreSql(PostgreSqlApp app) : ReviewStepSendBackTests(app), IClassFixture<PostgreSqlApp>;
