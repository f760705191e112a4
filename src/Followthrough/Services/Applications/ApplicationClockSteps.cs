using System.Globalization;
using Followthrough.Services.Clock;
using Followthrough.Services.Duties;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Services.Applications;

/// <summary>
/// An accepted application's clock after acceptance: pauses that do not count (Art. 45), one extension asked by the
/// handling unit and approved by its approver (Art. 42), the applicant's promised materials (容缺受理), and due dates
/// recomputed through <see cref="ServiceClock"/> whenever one of these or the working-day calendar changes, each change
/// a step of the history (old → new).
/// </summary>
public sealed class ApplicationClockSteps(FollowthroughDb db, ServiceApplications applications, ServiceClock clock, UnitDuties duties)
{
    /// <summary>Art. 42: a single agency's limit may be extended once, by at most 10 working days.</summary>
    public const int MaxExtension = LegalClock.SingleAgencyExtension;

    public const string ExtensionTooLong =
        "An extension is at most 10 working days, once (Administrative Licensing Law Art. 42); nothing was changed.";

    public const string ExtensionOnce = "The time limit of this application has already been extended, or an extension is waiting for the approver: the law allows one.";
    public const string NoExtensionAsked = "No extension has been asked for on this application.";
    public const string ReasonRequired = "Give the reason (at most 2000 characters); the applicant is told why.";
    public const string NotAccepted = "Only an accepted application that is not yet decided has a running clock.";
    public const string PauseKindRequired = "Choose why the clock stops: Hearing, Testing, ExpertReview or Other.";
    public const string PauseDatesBad = "Give the first and last day of the pause (both count as paused): on or after the day of acceptance, the last not before the first, at most a year apart.";
    public const string ClockKeepers = "Only a window officer or the approver of the item's responsible unit records a pause or asks for an extension.";
    public const string ApproverOnly = "Only the unit's approver (审批人) approves an extension.";
    public const string ApplicantOnly = "Only the applicant marks the promised materials supplied.";
    public const string NoPromise = "There is no outstanding promise to supply materials on this application.";

    /// <summary>The periods recorded on an application, in order.</summary>
    internal static async Task<IReadOnlyList<ApplicationPauseEntry>> PausesAsync(FollowthroughDb db, int id, CancellationToken cancellationToken) =>
        [.. (await db.Set<ServiceApplicationPause>().AsNoTracking().Where(p => p.ApplicationId == id).OrderBy(p => p.StartsOn).ThenBy(p => p.Id).ToListAsync(cancellationToken))
            .Select(p => new ApplicationPauseEntry(p.Id, p.Kind, p.Reason, p.StartsOn, p.EndsOn, p.RecordedAt, p.RecordedBy))];

    /// <summary>The window officer or approver asks to extend the limit, giving the reason the applicant is told.</summary>
    public Task<Outcome<ServiceApplicationEntry>> RequestExtensionAsync(CurrentUser me, int id, string? reason, int expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(me, id, expectedVersion, ServicesPermissions.CanManageClock, ClockKeepers, async (application, errors) =>
        {
            if (application.ExtensionDays > 0 || application.ExtensionRequested is not null)
            {
                return (OutcomeKind.NotNow, ExtensionOnce);
            }

            if (Text(reason) is not { } r)
            {
                errors.Add("reason", ReasonRequired);
                return (OutcomeKind.Invalid, null);
            }

            application.ExtensionRequested = r;
            applications.AddStep(application, ApplicationStep.ExtensionRequested, r, me, Now);
            await Task.CompletedTask;
            return (OutcomeKind.Done, "extension-requested");
        }, cancellationToken);

    /// <summary>The approver extends the limit by <paramref name="days"/> working days (1 to 10; 10 when not given).</summary>
    public Task<Outcome<ServiceApplicationEntry>> ApproveExtensionAsync(CurrentUser me, int id, int? days, int expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(me, id, expectedVersion, ServicesPermissions.CanDecide, ApproverOnly, async (application, errors) =>
        {
            var extension = days ?? MaxExtension;
            if (extension is < 1 or > MaxExtension)
            {
                errors.Add("days", ExtensionTooLong);
                return (OutcomeKind.Invalid, null);
            }

            if (application.ExtensionDays > 0)
            {
                return (OutcomeKind.NotNow, ExtensionOnce);
            }

            if (application.ExtensionRequested is not { } reason)
            {
                return (OutcomeKind.NotNow, NoExtensionAsked);
            }

            application.ExtensionDays = extension;
            application.ExtensionRequested = null;
            applications.AddStep(application, ApplicationStep.ExtensionApproved, $"+{extension}: {reason}", me, Now);
            await RecomputeAsync(application, me, "extension", cancellationToken);
            return (OutcomeKind.Done, "extension-approved");
        }, cancellationToken);

    /// <summary>Records a period that does not count (Art. 45), and moves the due dates.</summary>
    public Task<Outcome<ServiceApplicationEntry>> RecordPauseAsync(CurrentUser me, int id, PauseInput input, int expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(me, id, expectedVersion, ServicesPermissions.CanManageClock, ClockKeepers, async (application, errors) =>
        {
            ArgumentNullException.ThrowIfNull(input);
            if (input.Kind is not { } kind || !Enum.IsDefined(kind))
            {
                errors.Add("kind", PauseKindRequired);
            }

            var reason = Text(input.Reason);
            if (reason is null)
            {
                errors.Add("reason", ReasonRequired);
            }

            if (input.From is not { } from || input.To is not { } to || from < application.AcceptedOn || to < from || to.DayNumber - from.DayNumber > 366)
            {
                errors.Add("from", PauseDatesBad);
            }

            if (!errors.IsEmpty)
            {
                return (OutcomeKind.Invalid, null);
            }

            db.Set<ServiceApplicationPause>().Add(new ServiceApplicationPause
            {
                ApplicationId = application.Id,
                Kind = input.Kind!.Value,
                Reason = reason!,
                StartsOn = input.From!.Value,
                EndsOn = input.To!.Value,
                RecordedAt = Now,
                RecordedBy = me.Name,
            });
            applications.AddStep(application, ApplicationStep.Paused, $"{input.Kind} {Iso(input.From!.Value)}..{Iso(input.To!.Value)}: {reason}", me, Now);
            await RecomputeAsync(application, me, "pause", cancellationToken, new ClockPause(input.From.Value, input.To.Value));
            return (OutcomeKind.Done, "paused");
        }, cancellationToken);

    /// <summary>The applicant marks the materials promised under 容缺受理 supplied.</summary>
    public async Task<Outcome<ServiceApplicationEntry>> KeepPromiseAsync(CurrentUser me, int id, int expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(me);
        return await ChangeAsync(me, id, expectedVersion, (user, _, _) => true, ApplicantOnly, async (application, errors) =>
        {
            if (me.PersonId != application.ApplicantId || !ServicesPermissions.CanApply(me))
            {
                return (OutcomeKind.Forbidden, ApplicantOnly);
            }

            if (application.Promised is null || application.PromiseKeptAt is not null)
            {
                return (OutcomeKind.NotNow, NoPromise);
            }

            application.PromiseKeptAt = Now;
            applications.AddStep(application, ApplicationStep.PromiseKept, null, me, Now);
            await Task.CompletedTask;
            return (OutcomeKind.Done, "promise-kept");
        }, cancellationToken);
    }

    /// <summary>
    /// After the working-day calendar changed: every accepted, undecided application's due dates computed again, and
    /// each one that moved gets a step with old → new. Answers how many moved.
    /// </summary>
    public async Task<int> RecomputeOpenAsync(CancellationToken cancellationToken = default)
    {
        var system = new CurrentUser(null, "Working-day calendar", null, null);
        var open = await db.Set<ServiceApplication>().Where(a => a.State == ApplicationState.Accepted && a.AcceptedOn != null).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var moved = 0;
        foreach (var application in open)
        {
            if (await RecomputeAsync(application, system, "calendar", cancellationToken))
            {
                moved++;
            }
        }

        if (moved > 0)
        {
            db.DescribeNextSave("due-dates-recomputed", $"{moved} application(s) after a working-day calendar change");
            await db.SaveChangesAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        return moved;
    }

    private DateTime Now => db.Clock.GetUtcNow().UtcDateTime;

    /// <summary>Computes both due dates again from acceptance, the pauses and the extension; a step when they moved.</summary>
    private async Task<bool> RecomputeAsync(ServiceApplication application, CurrentUser by, string why, CancellationToken cancellationToken, ClockPause? added = null)
    {
        var pauses = (await PausesAsync(db, application.Id, cancellationToken)).Select(p => new ClockPause(p.From, p.To)).ToList();
        if (added is { } extra)
        {
            pauses.Add(extra);
        }

        await ReviewSchedule.RecomputeAsync(db, clock, application, cancellationToken, added); // the current review step's due date moves too
        var accepted = application.AcceptedOn!.Value;
        var committed = await DueAsync(accepted, application.CommittedDays, pauses, application.ExtensionDays, cancellationToken);
        var statutory = await DueAsync(accepted, application.StatutoryDays, pauses, application.ExtensionDays, cancellationToken);
        if (committed == application.CommittedDue && statutory == application.StatutoryDue)
        {
            return false;
        }

        var note = $"{why}: committed {Iso(application.CommittedDue)} → {Iso(committed)}; statutory {Iso(application.StatutoryDue)} → {Iso(statutory)}";
        application.CommittedDue = committed;
        application.StatutoryDue = statutory;
        applications.AddStep(application, ApplicationStep.DueDatesChanged, note, by, Now);
        return true;
    }

    private async Task<DateOnly> DueAsync(DateOnly accepted, int days, IReadOnlyList<ClockPause> pauses, int extension, CancellationToken cancellationToken) =>
        days + extension < 1 ? accepted : (await clock.DueAsync(accepted, days + extension, pauses, 0, cancellationToken)).Due;

    /// <summary>Loads, checks who and when, lets <paramref name="change"/> do its part, and saves it all or nothing.</summary>
    private async Task<Outcome<ServiceApplicationEntry>> ChangeAsync(
        CurrentUser me, int id, int expectedVersion, Func<CurrentUser, int, IReadOnlySet<ServiceDuty>, bool> may, string refused,
        Func<ServiceApplication, ValidationErrors, Task<(OutcomeKind Kind, string? Said)>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(me);
        var application = await db.Set<ServiceApplication>().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null || !ServicesPermissions.CanSeeApplication(me, application.ApplicantId, application.UnitId))
        {
            return Outcome.NotFound<ServiceApplicationEntry>("The application");
        }

        if (!may(me, application.UnitId, await duties.OfAsync(me, application.UnitId, cancellationToken)))
        {
            return Outcome.Forbidden<ServiceApplicationEntry>(refused);
        }

        if (application.Version != expectedVersion)
        {
            return Outcome.Stale<ServiceApplicationEntry>(application.Version);
        }

        if (application.State != ApplicationState.Accepted || application.AcceptedOn is null)
        {
            return Outcome.NotNow<ServiceApplicationEntry>(NotAccepted);
        }

        var errors = new ValidationErrors();
        var (kind, said) = await change(application, errors);
        if (kind != OutcomeKind.Done)
        {
            db.ChangeTracker.Clear();
            return kind switch
            {
                OutcomeKind.Invalid => Outcome.Invalid<ServiceApplicationEntry>(errors),
                OutcomeKind.Forbidden => Outcome.Forbidden<ServiceApplicationEntry>(said ?? refused),
                _ => Outcome.NotNow<ServiceApplicationEntry>(said ?? NotAccepted),
            };
        }

        if (await applications.SaveChangeAsync(application, expectedVersion, said!, null, cancellationToken) is { } stale)
        {
            return stale;
        }

        db.ChangeTracker.Clear();
        return await applications.GetAsync(me, id, cancellationToken);
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) || value.Trim().Length > ApplicationRules.MaxText ? null : value.Trim();

    private static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
}
