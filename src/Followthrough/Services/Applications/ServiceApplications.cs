using System.Text.Json;
using Followthrough.Organization;
using Followthrough.Services.Catalogue;
using Followthrough.Services.Clock;
using Followthrough.Services.Duties;
using Followthrough.Services.Rules;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Services.Applications;

/// <summary>
/// Applications (办件), the module's public surface for them: filing (online by the applicant, or at a window by the
/// unit's staff), the steps of <see cref="ApplicationRules.Steps"/> with their reasons and the legal clock, and the
/// lists. Every step checks who and when itself, saves the application and its history row together (audited by the
/// Audit module's interceptor) and is refused on a stale version.
/// </summary>
public sealed partial class ServiceApplications(
    FollowthroughDb db, ServiceCatalogue catalogue, ServiceClock clock, OrganizationDirectory directory, UnitDuties duties, AutoApproval rules)
{
    /// <summary>The table the audit trail names an application's entries by.</summary>
    public const string ApplicationsTable = "service_applications";

    private const string WindowOnly =
        "Enterprises and citizens apply for themselves; only staff of the item's responsible unit record an application at the window.";

    private static readonly JsonSerializerOptions Json = ServiceCatalogue.Json;

    private IQueryable<ServiceApplication> Applications => db.Set<ServiceApplication>();

    /// <summary>Files an application under the item's current version. An enterprise or citizen files for themselves;
    /// staff of the item's unit record one for the applicant named by <see cref="ApplicationInput.ApplicantId"/>.
    /// Inside a caller's transaction (a bundle's parts) it saves into that transaction.</summary>
    public Task<Outcome<ServiceApplicationEntry>> FileAsync(CurrentUser me, ApplicationInput input, CancellationToken cancellationToken = default) =>
        FileAsync(me, input, alongside: null, item: null, cancellationToken);

    /// <summary>Files as above; <paramref name="alongside"/> adds what is saved with the application in the same save
    /// (its materials), called only once the application has passed every check. <paramref name="item"/>, when the
    /// caller has already read the item <see cref="ApplicationInput.ItemId"/> names, spares reading it again.</summary>
    internal async Task<Outcome<ServiceApplicationEntry>> FileAsync(
        CurrentUser me, ApplicationInput input, Action<ServiceApplication>? alongside, ServiceItemEntry? item, CancellationToken cancellationToken)
    {
        var filing = await CheckFilingAsync(me, input, item, cancellationToken);
        if (!filing.IsDone)
        {
            return filing.As<ServiceApplicationEntry>();
        }

        var (_, applicantId, answers, window) = filing.Value!;
        item = filing.Value!.Item;
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var application = new ServiceApplication
        {
            ItemId = item.Id,
            ItemVersion = item.Version,
            ItemCode = item.Code,
            ItemNameZh = item.NameZh,
            ItemNameEn = item.NameEn,
            UnitId = item.UnitId,
            ApplicantId = applicantId,
            Channel = window ? ApplicationChannel.Window : ApplicationChannel.Online,
            Answers = JsonSerializer.Serialize(answers, Json),
            State = ApplicationState.Received,
            ReceivedAt = now,
            CommittedDays = item.CommittedDays,
            StatutoryDays = item.StatutoryDays,
        };
        db.Set<ServiceApplication>().Add(application);
        AddStep(application, ApplicationStep.Filed, window ? "window" : null, me, now);
        await rules.DecideAsync(application, item, filing.Value!.ApplicantRole, cancellationToken); // 秒批: may accept and decide it now, by "rules vN"
        alongside?.Invoke(application);
        db.DescribeNextSave("filed");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(ToEntry(application, SavedSteps(application))); // a new application's steps are all in this context
    }

    /// <summary>What filing checks, without writing anything: the item, the applicant and the answers as they would be
    /// filed, or every error found (a bundle asks this of each part before filing any).</summary>
    internal async Task<Outcome<Filing>> CheckFilingAsync(
        CurrentUser me, ApplicationInput input, ServiceItemEntry? known = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(input);
        if (!ServicesPermissions.CanApply(me) && me.Role is not Role.UnitStaff)
        {
            return Outcome.Forbidden<Filing>(WindowOnly);
        }

        var errors = new ValidationErrors();
        if (input.ItemId is not { } itemId)
        {
            errors.Add("itemId", ApplicationRules.ItemRequired);
            return Outcome.Invalid<Filing>(errors);
        }

        if ((known?.Id == itemId ? known : await catalogue.GetAsync(itemId, cancellationToken)) is not { } item)
        {
            errors.Add("itemId", ApplicationRules.ItemUnknown);
            return Outcome.Invalid<Filing>(errors);
        }

        var window = !ServicesPermissions.CanApply(me);
        if (window && !input.AtBundleWindow && !ServicesPermissions.CanHandleApplications(me, item.UnitId))
        {
            return Outcome.Forbidden<Filing>(WindowOnly);
        }

        if (item.Withdrawn)
        {
            errors.Add("itemId", ApplicationRules.ItemWithdrawn);
        }

        var applicantId = window ? input.ApplicantId : me.PersonId;
        var applicantRole = window ? null : me.Role; // who files for themselves is the applicant
        if (window && applicantId is null)
        {
            errors.Add("applicantId", ApplicationRules.ApplicantRequired);
        }
        else if (window)
        {
            var applicant = await directory.PersonAsync(applicantId!.Value, cancellationToken);
            if (applicant is { IsActive: true, Role: Role.Enterprise or Role.Citizen })
            {
                applicantRole = applicant.Role;
            }
            else
            {
                errors.Add("applicantId", ApplicationRules.ApplicantUnknown);
            }
        }

        var answers = ApplicationRules.CheckAnswers(input.Answers, errors);
        if (answers is not null)
        {
            FormFieldRules.CheckAnswers(item.Fields, answers, errors);
        }

        return !errors.IsEmpty || answers is null
            ? Outcome.Invalid<Filing>(errors)
            : Outcome.Done(new Filing(item, applicantId!.Value, answers, window) { ApplicantRole = applicantRole });
    }

    /// <summary>One application with its history; not found for anyone who may not see it.</summary>
    public async Task<Outcome<ServiceApplicationEntry>> GetAsync(CurrentUser me, int id, CancellationToken cancellationToken = default)
    {
        var application = await Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null || !ServicesPermissions.CanSeeApplication(me, application.ApplicantId, application.UnitId))
        {
            return Outcome.NotFound<ServiceApplicationEntry>("The application");
        }

        return Outcome.Done(ToEntry(application, await StepsAsync(id, cancellationToken)) with
        {
            Pauses = await ApplicationClockSteps.PausesAsync(db, id, cancellationToken),
            ReviewSteps = await ReviewSchedule.ListAsync(db, clock, id, cancellationToken),
        });
    }

    /// <summary>The applicant's own applications, newest first.</summary>
    public async Task<IReadOnlyList<ApplicationQueueRow>> MineAsync(CurrentUser me, CancellationToken cancellationToken = default)
    {
        if (me?.PersonId is not { } personId)
        {
            return [];
        }

        var rows = await Applications.AsNoTracking().Where(a => a.ApplicantId == personId).OrderByDescending(a => a.Id).Take(200).ToListAsync(cancellationToken);
        return await RowsAsync(rows, cancellationToken);
    }

    /// <summary>A unit's applications still open (or in one state): overdue and nearest due first, then the oldest received.</summary>
    public async Task<Outcome<IReadOnlyList<ApplicationQueueRow>>> QueueAsync(
        CurrentUser me, int unitId, ApplicationState? state, CancellationToken cancellationToken = default)
    {
        if (!ServicesPermissions.CanReadQueue(me, unitId))
        {
            return Outcome.Forbidden<IReadOnlyList<ApplicationQueueRow>>("Only the unit's staff and the supervision office read a unit's applications.");
        }

        return Outcome.Done(await RowsAsync(await ApplicationQueue.ReadAsync(db, unitId, state, cancellationToken), cancellationToken));
    }

    /// <summary>Takes one step; <paramref name="expectedVersion"/> is the version the caller saw.</summary>
    public async Task<Outcome<ServiceApplicationEntry>> TakeStepAsync(
        CurrentUser me, int id, ApplicationStep step, StepInput input, int expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(input);
        var application = await Applications.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null || !ServicesPermissions.CanSeeApplication(me, application.ApplicantId, application.UnitId)
            || !ApplicationRules.Steps.TryGetValue(step, out var rule))
        {
            return Outcome.NotFound<ServiceApplicationEntry>("The application");
        }

        var mine = await duties.OfAsync(me, application.UnitId, cancellationToken);
        var allowed = ApplicationRules.Allowed(me, application.ApplicantId, application.UnitId, application.State, mine).Select(s => s.ToString());
        if (!ApplicationRules.IsActor(me, rule.By, application.ApplicantId, application.UnitId, mine))
        {
            return Outcome.Forbidden<ServiceApplicationEntry>(ApplicationRules.NotYourStep(rule.By), allowed);
        }

        if (application.Version != expectedVersion)
        {
            return Outcome.Stale<ServiceApplicationEntry>(application.Version);
        }

        if (!rule.From.Contains(application.State))
        {
            return Outcome.NotNow<ServiceApplicationEntry>(
                $"An application that is {application.State} cannot be {step}.", allowed);
        }

        if (step == ApplicationStep.Approved && application.Promised is not null && application.PromiseKeptAt is null)
        {
            return Outcome.NotNow<ServiceApplicationEntry>(ApplicationPromises.Outstanding, allowed);
        }

        if (step is ApplicationStep.Approved or ApplicationStep.Rejected && await ReviewSchedule.AnyOpenAsync(db, id, cancellationToken))
        {
            return Outcome.NotNow<ServiceApplicationEntry>(ReviewSchedule.StepsOpen, allowed);
        }

        var errors = new ValidationErrors();
        var (reason, basis, missing) = ApplicationRules.CheckStep(step, input, errors);
        var promise = step == ApplicationStep.Accepted && input.Promise is { } offered
            ? ApplicationPromises.Check(offered, await catalogue.VersionAsync(application.ItemId, application.ItemVersion, cancellationToken), db.Clock.Today(), errors)
            : null;
        var answers = step == ApplicationStep.Resubmitted && input.Answers is not null ? ApplicationRules.CheckAnswers(input.Answers, errors) : null;
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<ServiceApplicationEntry>(errors);
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        await ApplyAsync(application, step, reason, basis, missing, answers, now, cancellationToken);
        ApplicationPromises.Apply(application, promise);
        application.State = rule.To;
        AddStep(application, step, missing is { Count: > 0 } ? string.Join("\n", missing) : promise is { } kept ? ApplicationPromises.Note(kept) : reason, me, now);
        if (await SaveChangeAsync(application, expectedVersion, StepAction(step), reason, cancellationToken) is { } stale)
        {
            return stale;
        }

        return Outcome.Done(ToEntry(application, await StepsAsync(id, cancellationToken)) with
        {
            ReviewSteps = await ReviewSchedule.ListAsync(db, clock, id, cancellationToken),
        });
    }

    /// <summary>Saves a change to <paramref name="application"/> made on <paramref name="expectedVersion"/>, audited as
    /// <paramref name="action"/>; null when saved, Stale with the current version when someone changed it first.</summary>
    internal async Task<Outcome<ServiceApplicationEntry>?> SaveChangeAsync(
        ServiceApplication application, int expectedVersion, string action, string? comment, CancellationToken cancellationToken)
    {
        db.Entry(application).Property(a => a.Version).OriginalValue = expectedVersion;
        db.DescribeNextSave(action, comment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await Applications.AsNoTracking().Where(a => a.Id == application.Id).Select(a => a.Version).SingleAsync(cancellationToken);
            return Outcome.Stale<ServiceApplicationEntry>(current);
        }
    }

    private async Task ApplyAsync(
        ServiceApplication application, ApplicationStep step, string? reason, string? basis, List<string>? missing,
        Dictionary<string, string>? answers, DateTime now, CancellationToken cancellationToken)
    {
        switch (step)
        {
            case ApplicationStep.Accepted:
                var today = db.Clock.Today();
                application.AcceptedOn = today;
                application.CommittedDue = await DueAsync(today, application.CommittedDays, cancellationToken);
                application.StatutoryDue = await DueAsync(today, application.StatutoryDays, cancellationToken);
                application.Missing = null;
                await ReviewSchedule.StartAsync(db, clock, await catalogue.VersionAsync(application.ItemId, application.ItemVersion, cancellationToken), application, today, cancellationToken);
                break;
            case ApplicationStep.Refused:
                application.Reason = reason;
                application.LegalBasis = basis;
                break;
            case ApplicationStep.SupplementRequested:
                application.Missing = JsonSerializer.Serialize(missing, Json);
                break;
            case ApplicationStep.Resubmitted:
                if (answers is not null)
                {
                    application.Answers = JsonSerializer.Serialize(answers, Json);
                }

                break;
            case ApplicationStep.Approved or ApplicationStep.Rejected:
                application.Reason = reason;
                application.DecidedAt = now;
                application.WorkingDaysUsed = application.AcceptedOn is { } accepted
                    ? await clock.WorkingDaysUsedAsync(accepted, db.Clock.Today(), cancellationToken)
                    : null;
                break;
            case ApplicationStep.Delivered:
                application.DeliveredAt = now;
                break;
        }
    }

    /// <summary>The due date of a limit; a limit of 0 days (on the spot) falls due on the day of acceptance.</summary>
    private async Task<DateOnly> DueAsync(DateOnly accepted, int days, CancellationToken cancellationToken) =>
        days < 1 ? accepted : (await clock.DueAsync(accepted, days, cancellationToken: cancellationToken)).Due;

    private static string StepAction(ApplicationStep step) => step switch
    {
        ApplicationStep.SupplementRequested => "supplement-requested",
        _ => step.ToString().ToLowerInvariant(),
    };

    internal ApplicationStepEntry AddStep(ServiceApplication application, ApplicationStep step, string? note, CurrentUser me, DateTime now)
    {
        var row = new ServiceApplicationStep
        {
            ApplicationId = application.Id,
            Application = application,
            Step = step,
            State = application.State,
            Note = note,
            TakenAt = now,
            TakenById = me.PersonId,
            TakenBy = me.Name,
        };
        db.Set<ServiceApplicationStep>().Add(row);

        return new ApplicationStepEntry(row.Step, row.State, row.Note, row.TakenAt, row.TakenBy);
    }

    /// <summary>The steps of an application this context has just saved, as <see cref="StepsAsync"/> would read them back.</summary>
    private IReadOnlyList<ApplicationStepEntry> SavedSteps(ServiceApplication application) =>
        [.. db.Set<ServiceApplicationStep>().Local.Where(s => s.ApplicationId == application.Id).OrderBy(s => s.Id)
            .Select(s => new ApplicationStepEntry(s.Step, s.State, s.Note, s.TakenAt, s.TakenBy))];

    internal async Task<IReadOnlyList<ApplicationStepEntry>> StepsAsync(int id, CancellationToken cancellationToken) =>
        [.. (await db.Set<ServiceApplicationStep>().AsNoTracking().Where(s => s.ApplicationId == id).OrderBy(s => s.Id).ToListAsync(cancellationToken))
            .Select(s => new ApplicationStepEntry(s.Step, s.State, s.Note, s.TakenAt, s.TakenBy))];

    private async Task<IReadOnlyList<ApplicationQueueRow>> RowsAsync(List<ServiceApplication> rows, CancellationToken cancellationToken)
    {
        var result = new List<ApplicationQueueRow>(rows.Count);
        var reviews = await ReviewSchedule.CurrentAsync(db, [.. rows.Where(a => a.CurrentReview > 0).Select(a => a.Id)], cancellationToken);
        foreach (var a in rows)
        {
            int? left = a.CommittedDue is { } due && a.State is ApplicationState.Accepted ? await clock.WorkingDaysLeftAsync(due, cancellationToken) : null;
            result.Add(new ApplicationQueueRow(a.Id, a.ItemCode, a.ItemNameZh, a.ItemNameEn, a.ApplicantId, a.State, a.ReceivedAt, a.CommittedDue, a.StatutoryDue, left)
            {
                CurrentReview = a.State is ApplicationState.Accepted ? reviews.GetValueOrDefault(a.Id) : null,
            });
        }

        // overdue first: those with the fewest working days left lead, then the rest as ordered
        return [.. result.OrderBy(r => r.WorkingDaysLeft ?? int.MaxValue)];
    }

    internal static ServiceApplicationEntry ToEntry(ServiceApplication a, IReadOnlyList<ApplicationStepEntry> steps) => new(
        a.Id, a.ItemId, a.ItemVersion, a.ItemCode, a.ItemNameZh, a.ItemNameEn, a.UnitId, a.ApplicantId, a.Channel,
        JsonSerializer.Deserialize<Dictionary<string, string>>(a.Answers, Json) ?? [], a.State, a.ReceivedAt, a.CommittedDays, a.StatutoryDays,
        a.AcceptedOn, a.CommittedDue, a.StatutoryDue, a.Reason, a.LegalBasis,
        a.Missing is null ? [] : JsonSerializer.Deserialize<List<string>>(a.Missing, Json) ?? [], a.DecidedAt, a.DeliveredAt, a.Version, steps)
    {
        ExtensionDays = a.ExtensionDays,
        ExtensionRequested = a.ExtensionRequested,
        Promised = a.Promised is null ? [] : JsonSerializer.Deserialize<List<string>>(a.Promised, Json) ?? [],
        PromisedBy = a.PromisedBy,
        PromiseKeptAt = a.PromiseKeptAt,
    };
}

/// <summary>An application as it would be filed, once checked.</summary>
internal sealed record Filing(ServiceItemEntry Item, int ApplicantId, Dictionary<string, string> Answers, bool Window)
{
    /// <summary>The applicant's role as filing found it (the caller's own, or the person's read for a window filing).</summary>
    public Role? ApplicantRole { get; init; }
}
