using System.Globalization;
using Followthrough.Services.Clock;
using Followthrough.Services.Duties;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Services.Applications;

/// <summary>
/// The review steps (审查环节) of accepted applications, the module's public surface for them: someone of the item's
/// unit who holds the step's duty completes the current step with a note; the next one starts that day. The step, the
/// application's new version and its history row are saved together (audited), or nothing is.
/// </summary>
public sealed partial class ApplicationReviews(FollowthroughDb db, ServiceApplications applications, ServiceClock clock, UnitDuties duties)
{
    public const string NoteRequired = "Give your note on the step (at most 2000 characters): what was checked and found.";
    public const string NotCurrent = "This is not the current review step: complete the steps in order.";
    public const string NotAccepted = "Only an accepted application that is not yet decided has review steps to complete.";

    /// <summary>Why someone without the step's duty may not complete it.</summary>
    public static string NotYourDuty(ServiceDuty duty) => duty switch
    {
        ServiceDuty.Approver => "Only the unit's approver (审批人) completes this review step.",
        ServiceDuty.Reviewer => "Only a reviewer (审核人) of the item's responsible unit completes this review step.",
        _ => "Only a window officer (窗口人员) of the item's responsible unit completes this review step.",
    };

    /// <summary>An application's review steps in order (empty when its item version has none, or before acceptance).</summary>
    public Task<IReadOnlyList<ApplicationReviewEntry>> ListAsync(int applicationId, CancellationToken cancellationToken = default) =>
        ReviewSchedule.ListAsync(db, clock, applicationId, cancellationToken);

    /// <summary>Completes step <paramref name="number"/> (the current one) with a note; <paramref name="expectedVersion"/> is the application's version seen.</summary>
    public async Task<Outcome<ServiceApplicationEntry>> CompleteAsync(
        CurrentUser me, int id, int number, string? note, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var (application, steps, step, refused) = await CurrentStepAsync(me, id, number, expectedVersion, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var text = note?.Trim() ?? string.Empty;
        if (text.Length is 0 or > ApplicationRules.MaxText)
        {
            var errors = new ValidationErrors();
            errors.Add("note", NoteRequired);
            return Outcome.Invalid<ServiceApplicationEntry>(errors);
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        (step.CompletedAt, step.CompletedById, step.CompletedBy, step.Note) = (now, me.PersonId, me.Name, text);
        var next = steps.FirstOrDefault(r => r.Number == number + 1);
        if (next is not null)
        {
            await ReviewSchedule.BeginAsync(db, clock, next, id, db.Clock.Today(), cancellationToken);
        }

        application.CurrentReview = next?.Number ?? 0;
        applications.AddStep(application, ApplicationStep.ReviewStepCompleted,
            string.Create(CultureInfo.InvariantCulture, $"{number}. {step.NameZh} / {step.NameEn}: {text}"), me, now);
        if (await applications.SaveChangeAsync(application, expectedVersion, "review-step-completed",
            string.Create(CultureInfo.InvariantCulture, $"{number}. {step.NameEn}"), cancellationToken) is { } stale)
        {
            return stale;
        }

        db.ChangeTracker.Clear();
        return await applications.GetAsync(me, id, cancellationToken);
    }

    /// <summary>The application and its current step <paramref name="number"/>, or why the reader may not act on it now:
    /// not found, not their duty (403), another version (stale), not in review or not the current step (409).</summary>
    private async Task<(ServiceApplication Application, List<ApplicationReview> Steps, ApplicationReview Step, Outcome<ServiceApplicationEntry>? Refused)> CurrentStepAsync(
        CurrentUser me, int id, int number, int expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(me);
        var application = await db.Set<ServiceApplication>().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null || !ServicesPermissions.CanSeeApplication(me, application.ApplicantId, application.UnitId))
        {
            return (null!, [], null!, Outcome.NotFound<ServiceApplicationEntry>("The application"));
        }

        var steps = await db.Set<ApplicationReview>().Where(r => r.ApplicationId == id).OrderBy(r => r.Number).ToListAsync(cancellationToken);
        if (steps.FirstOrDefault(r => r.Number == number) is not { } step)
        {
            return (null!, [], null!, Outcome.NotFound<ServiceApplicationEntry>("The review step"));
        }

        var mine = await duties.OfAsync(me, application.UnitId, cancellationToken);
        if (!ServicesPermissions.CanCompleteReviewStep(me, application.UnitId, mine, step.Duty))
        {
            return (application, steps, step, Outcome.Forbidden<ServiceApplicationEntry>(NotYourDuty(step.Duty)));
        }

        if (application.Version != expectedVersion)
        {
            return (application, steps, step, Outcome.Stale<ServiceApplicationEntry>(application.Version));
        }

        if (application.State != ApplicationState.Accepted)
        {
            return (application, steps, step, Outcome.NotNow<ServiceApplicationEntry>(NotAccepted));
        }

        if (application.CurrentReview != number || step.CompletedAt is not null)
        {
            return (application, steps, step, Outcome.NotNow<ServiceApplicationEntry>(NotCurrent));
        }

        return (application, steps, step, null);
    }
}
