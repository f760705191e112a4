using System.Globalization;

namespace Followthrough.Services.Applications;

/// <summary>
/// Sending an application back (退回) from its current review step to the one before: whoever holds the current
/// step's duty, with a reason. The earlier step opens again that day with a fresh due date, the current one waits as
/// if never started; the step, the application's new version and its history row are saved together (audited).
/// </summary>
public sealed partial class ApplicationReviews
{
    public const string FirstStep = "This is the first review step: there is no earlier step to send the application back to.";
    public const string SendBackReasonRequired = "Give the reason for sending it back (at most 2000 characters): what the earlier step must look at again.";

    /// <summary>Sends the application back from step <paramref name="number"/> (the current one) to the step before it.</summary>
    public async Task<Outcome<ServiceApplicationEntry>> SendBackAsync(
        CurrentUser me, int id, int number, string? reason, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var (application, steps, step, refused) = await CurrentStepAsync(me, id, number, expectedVersion, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (steps.FirstOrDefault(r => r.Number == number - 1) is not { } previous)
        {
            return Outcome.NotNow<ServiceApplicationEntry>(FirstStep);
        }

        var text = reason?.Trim() ?? string.Empty;
        if (text.Length is 0 or > ApplicationRules.MaxText)
        {
            var errors = new ValidationErrors();
            errors.Add("reason", SendBackReasonRequired);
            return Outcome.Invalid<ServiceApplicationEntry>(errors);
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        (step.StartedOn, step.DueOn) = (null, null);
        (previous.CompletedAt, previous.CompletedById, previous.CompletedBy, previous.Note) = (null, null, null, null); // its earlier note stays in the history
        await ReviewSchedule.BeginAsync(db, clock, previous, id, db.Clock.Today(), cancellationToken);
        application.CurrentReview = previous.Number;
        applications.AddStep(application, ApplicationStep.ReviewStepSentBack,
            string.Create(CultureInfo.InvariantCulture, $"{number}. {step.NameZh} / {step.NameEn}: {text}"), me, now);
        if (await applications.SaveChangeAsync(application, expectedVersion, "review-step-sent-back",
            string.Create(CultureInfo.InvariantCulture, $"{number}. {step.NameEn} → {previous.Number}. {previous.NameEn}"), cancellationToken) is { } stale)
        {
            return stale;
        }

        db.ChangeTracker.Clear();
        return await applications.GetAsync(me, id, cancellationToken);
    }
}
