using Followthrough.Ratings;
using Followthrough.Ratings.Rating;
using Followthrough.Ratings.Rectification;
using Followthrough.Services.Applications;
using Followthrough.Supervision;
using Followthrough.Tasks;
using Followthrough.Tests.Infrastructure;
using Followthrough.Tests.Services;
using Followthrough.Tests.Supervision;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Ratings;

/// <summary>Bad ratings are work: a case with a task assigned to the unit, its steps in order by the unit, the callback
/// claiming the task's completion, the rater's grade of the fix, and the supervision run urging it when late.</summary>
public abstract class RectificationTests(AppFixture app)
{
    [Fact]
    public async Task ABadRating_OpensACase_WithATaskAssignedToTheUnit_DueInFiveWorkingDays()
    {
        var cast = await ApplicationCast.CreateAsync(app);
        var (rating, task, expected) = await app.WithServicesAsync(async sp =>
        {
            var approved = await cast.InStateAsync(sp.GetRequiredService<ServiceApplications>(), ApplicationState.Approved);
            var rated = await sp.GetRequiredService<ServiceRatings>().RateAsync(cast.Applicant, approved.Id, new RatingInput("VeryDissatisfied", ["slow", "many-visits"], "Three visits for one stamp."));
            Assert.True(rated.IsDone, $"{rated.Kind} {rated.Reason}");
            var day = DateOnly.FromDateTime(ChinaClock.Local(rated.Value!.RatedAt));
            var expected = sp.GetRequiredService<IWorkingDayCalendar>().Add(day, 5);
            var task = (await sp.GetRequiredService<TaskLedger>().StandingsAsync([rated.Value.Rectification!.TaskId])).Single();
            return (rated.Value, task, expected);
        });

        var c = rating.Rectification!;
        Assert.Equal((RectificationState.Opened, cast.Item.UnitId, expected), (c.State, c.UnitId, c.DueOn));
        Assert.Equal((TaskState.Assigned, OriginKind.CitizenRating, cast.Item.UnitId, (DateOnly?)expected), (task.State, task.Origin, task.LeadUnitId, task.Deadline));
        Assert.Contains(cast.Item.Code, task.OriginReference, StringComparison.Ordinal);
        Assert.Contains(cast.Item.NameZh, task.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCaseDeadline_CountsWorkingDaysOnTheCalendar_AcrossSpringFestival()
    {
        var unit = await app.UnitIdAsync(ApplicationCast.UnitCode);
        var opened = await app.WithServicesAsync(sp => sp.GetRequiredService<TaskLedger>().OpenCaseAsync(
            new CaseInput(OriginKind.CitizenRating, 1, "TEST · 办件 1", "差评整改：测试", "测试", unit, new DateOnly(2025, 1, 24), 5)));
        Assert.True(opened.IsDone, opened.Reason);
        Assert.Equal(new DateOnly(2025, 2, 7), opened.Value!.Deadline); // Sun 26 Jan worked; 28 Jan – 4 Feb off
        var task = (await app.WithServicesAsync(sp => sp.GetRequiredService<TaskLedger>().StandingsAsync([opened.Value.TaskId]))).Single();
        Assert.Equal((TaskState.Assigned, (DateOnly?)new DateOnly(2025, 2, 7)), (task.State, task.Deadline));
    }

    [Fact]
    public async Task TheUnit_VerifiesRectifiesAndCallsBack_InOrder_TheCallbackClaimsTheTask_AndTheRaterGradesTheFixOnce()
    {
        var cast = await ApplicationCast.CreateAsync(app);
        await app.WithServicesAsync(async sp =>
        {
            var approved = await cast.InStateAsync(sp.GetRequiredService<ServiceApplications>(), ApplicationState.Rejected);
            var rated = await sp.GetRequiredService<ServiceRatings>().RateAsync(cast.Applicant, approved.Id, new RatingInput("Dissatisfied", ["attitude"]));
            var id = rated.Value!.Id;
            var taskId = rated.Value.Rectification!.TaskId;
            var cases = sp.GetRequiredService<RatingRectifications>();
            var ledger = sp.GetRequiredService<TaskLedger>();
            var note = new RectificationStepInput("Checked the window log: the officer was curt.", "We apologise; the officer has been retrained.", true);

            Assert.Equal(OutcomeKind.NotNow, (await cases.RectifyAsync(cast.Staff, id, note)).Kind);
            Assert.Equal(OutcomeKind.NotNow, (await cases.CallBackAsync(cast.Staff, id, note)).Kind);
            Assert.Equal(OutcomeKind.NotFound, (await cases.VerifyAsync(cast.OtherStaff, id, note)).Kind);
            Assert.Equal(OutcomeKind.NotFound, (await cases.VerifyAsync(cast.OtherCitizen, id, note)).Kind);
            Assert.Equal(OutcomeKind.Forbidden, (await cases.VerifyAsync(cast.Supervisor, id, note)).Kind);
            Assert.Equal(OutcomeKind.Forbidden, (await cases.VerifyAsync(cast.Applicant, id, note)).Kind);
            Assert.Equal(OutcomeKind.NotNow, (await cases.RateFixAsync(cast.Applicant, id, "Satisfied")).Kind);
            Assert.Equal(OutcomeKind.Invalid, (await cases.VerifyAsync(cast.Staff, id, new RectificationStepInput("  "))).Kind);
            Assert.Equal(OutcomeKind.Stale, (await cases.VerifyAsync(cast.Staff, id, note with { Version = 7 })).Kind);

            var verified = await cases.VerifyAsync(cast.Staff, id, note with { Version = 1 });
            Assert.True(verified.IsDone, $"{verified.Kind} {verified.Reason}");
            Assert.Equal(RectificationState.Verified, verified.Value!.Rectification!.State);
            Assert.Equal(TaskState.SignedFor, (await ledger.StandingsAsync([taskId])).Single().State);
            Assert.Equal(OutcomeKind.NotNow, (await cases.VerifyAsync(cast.Staff, id, note)).Kind);

            var noReply = await cases.RectifyAsync(cast.Staff, id, note with { Reply = null });
            Assert.Equal(["reply"], noReply.Errors!.ToDictionary().Keys);
            var rectified = await cases.RectifyAsync(cast.Clerk, id, note);
            Assert.Equal(("We apologise; the officer has been retrained.", RectificationState.Rectified), (rectified.Value!.Rectification!.ReplyToRater, rectified.Value.Rectification.State));

            Assert.Equal(OutcomeKind.Forbidden, (await cases.RateFixAsync(cast.Staff, id, "Satisfied")).Kind);
            Assert.Equal(OutcomeKind.Invalid, (await cases.RateFixAsync(cast.Applicant, id, "VerySatisfied")).Kind);
            Assert.Equal(FixGrade.BasicallySatisfied, (await cases.RateFixAsync(cast.Applicant, id, "BasicallySatisfied")).Value!.Rectification!.FixGrade);
            Assert.Equal(OutcomeKind.Conflict, (await cases.RateFixAsync(cast.Applicant, id, "Satisfied")).Kind);

            // a real-name rater not reached: the attempt is kept, the case stays open and the task unclaimed
            var missed = await cases.CallBackAsync(cast.Staff, id, note with { Reached = false, Note = "No answer at 10:00." });
            Assert.Equal((RectificationState.Rectified, (bool?)false), (missed.Value!.Rectification!.State, missed.Value.Rectification.CallbackReached));
            Assert.Equal(TaskState.SignedFor, (await ledger.StandingsAsync([taskId])).Single().State);
            Assert.Equal(OutcomeKind.Invalid, (await cases.CallBackAsync(cast.Staff, id, note with { Reached = null })).Kind);

            var reached = await cases.CallBackAsync(cast.Staff, id, note with { Note = "Reached at 15:00; satisfied with the apology." });
            Assert.Equal((RectificationState.CalledBack, (bool?)true), (reached.Value!.Rectification!.State, reached.Value.Rectification.CallbackReached));
            Assert.Equal(TaskState.CompletionClaimed, (await ledger.StandingsAsync([taskId])).Single().State);
            Assert.Equal(OutcomeKind.NotNow, (await cases.CallBackAsync(cast.Staff, id, note)).Kind);

            var queue = await cases.QueueAsync(cast.Staff, null);
            Assert.Contains(queue.Value!, r => r.RatingId == id && r.State == RectificationState.CalledBack);
            Assert.Equal(OutcomeKind.Forbidden, (await cases.QueueAsync(cast.OtherStaff, cast.Item.UnitId)).Kind);
            Assert.Equal(OutcomeKind.Forbidden, (await cases.QueueAsync(cast.Applicant, null)).Kind);
            return 0;
        });
    }

    [Fact]
    public async Task ALateRectification_IsUrgedByTheSupervisionRun_AsAnOverdueTaskOfTheUnit()
    {
        var cast = await ApplicationCast.CreateAsync(app);
        var (taskId, late) = await app.WithServicesAsync(async sp =>
        {
            var approved = await cast.InStateAsync(sp.GetRequiredService<ServiceApplications>(), ApplicationState.Approved);
            var rated = await sp.GetRequiredService<ServiceRatings>().RateAsync(cast.Applicant, approved.Id, new RatingInput("Dissatisfied"));
            var calendar = sp.GetRequiredService<IWorkingDayCalendar>();
            return (rated.Value!.Rectification!.TaskId, calendar.Add(rated.Value.Rectification.DueOn, 2));
        });

        await SupervisionTestData.RunAsync(app, late);
        var notices = await SupervisionTestData.NoticesAsync(app, [taskId]);
        var urging = Assert.Single(notices, n => n.Kind == NoticeKind.Overdue);
        Assert.Equal(cast.Item.UnitId, urging.RecipientUnitId);
    }
}

public sealed class RectificationOnSqlite(SqliteApp app) : RectificationTests(app), IClassFixture<SqliteApp>;

public sealed class RectificationOnPostgreSql(PostgreSqlApp app) : RectificationTests(app), IClassFixture<PostgreSqlApp>;
