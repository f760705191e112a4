using System.Globalization;
using System.Text.Json;
using Followthrough.Organization;
using Followthrough.Services.Applications;
using Followthrough.Services.Catalogue;
using Followthrough.Services.Clock;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Services.Rules;

/// <summary>
/// Auto-approval (秒批), the module's public surface for an item's rules: read them (anyone), replace the lines or
/// switch automation off and on (administrators and the supervision office; audited, a change of lines raises the rule
/// version), and read the decision the rules made on an application. Filing calls <see cref="DecideAsync"/>.
/// </summary>
public sealed class AutoApproval(FollowthroughDb db, ServiceCatalogue catalogue, ServiceClock clock)
{
    public const int MaxLines = 30;
    public const int MaxExplanation = 500;

    public const string NotAutoDecidable = "This item is not marked as decided by rules (秒批); mark it so on the item first.";
    public const string LinesBad = "Give 1 to 30 lines.";
    public const string ExplanationsRequired = "Each line needs an explanation in Chinese and in English, at most 500 characters.";
    public const string KeepersOnly = "Only administrators and the supervision office keep an item's rules.";

    private static readonly JsonSerializerOptions Json = ServiceCatalogue.Json;

    /// <summary>An item's rules; null when it has none (yet).</summary>
    public async Task<RuleSetEntry?> GetAsync(int itemId, CancellationToken cancellationToken = default) =>
        await db.Set<ServiceRuleSet>().AsNoTracking().SingleOrDefaultAsync(r => r.ItemId == itemId, cancellationToken) is { } set ? ToEntry(set) : null;

    /// <summary>Replaces an item's lines, raising the rule version. Every bad line is reported as lines[i] with what is wrong.</summary>
    public async Task<Outcome<RuleSetEntry>> SaveAsync(CurrentUser me, int itemId, IReadOnlyList<RuleLineInput?>? lines, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        if (!ServicesPermissions.CanMaintainCatalogue(me))
        {
            return Outcome.Forbidden<RuleSetEntry>(KeepersOnly);
        }

        if (await catalogue.GetAsync(itemId, cancellationToken) is not { } item)
        {
            return Outcome.NotFound<RuleSetEntry>("The service item");
        }

        var errors = new ValidationErrors();
        if (!item.AutoDecidable)
        {
            errors.Add("lines", NotAutoDecidable);
            return Outcome.Invalid<RuleSetEntry>(errors);
        }

        var checkedLines = Check(lines, item.Fields, errors);
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<RuleSetEntry>(errors);
        }

        var set = await db.Set<ServiceRuleSet>().SingleOrDefaultAsync(r => r.ItemId == itemId, cancellationToken);
        if (set is not null && set.Version != expectedVersion)
        {
            return Outcome.Stale<RuleSetEntry>(set.Version);
        }

        var json = JsonSerializer.Serialize(checkedLines, Json);
        if (set is null)
        {
            set = new ServiceRuleSet { ItemId = itemId, RuleVersion = 1 };
            db.Set<ServiceRuleSet>().Add(set);
        }
        else
        {
            db.Entry(set).Property(r => r.Version).OriginalValue = expectedVersion!.Value;
            set.RuleVersion++;
        }

        set.Lines = json;
        set.UpdatedBy = me.Name;
        db.Set<ServiceRuleSetVersion>().Add(new ServiceRuleSetVersion
        {
            ItemId = itemId, RuleVersion = set.RuleVersion, Lines = json, ChangedAt = db.Clock.GetUtcNow().UtcDateTime, ChangedBy = me.Name,
        });
        db.DescribeNextSave("rules-changed", string.Create(CultureInfo.InvariantCulture, $"rules v{set.RuleVersion}"));
        return await SaveAsync(set, cancellationToken);
    }

    /// <summary>Switches an item's automation off (everything goes to a person) or on again.</summary>
    public async Task<Outcome<RuleSetEntry>> SwitchAsync(CurrentUser me, int itemId, bool on, int expectedVersion, CancellationToken cancellationToken = default)
    {
        if (!ServicesPermissions.CanMaintainCatalogue(me))
        {
            return Outcome.Forbidden<RuleSetEntry>(KeepersOnly);
        }

        var set = await db.Set<ServiceRuleSet>().SingleOrDefaultAsync(r => r.ItemId == itemId, cancellationToken);
        if (set is null)
        {
            return Outcome.NotFound<RuleSetEntry>("The item's rules");
        }

        if (set.Version != expectedVersion)
        {
            return Outcome.Stale<RuleSetEntry>(set.Version);
        }

        if (set.AutomationOn == on)
        {
            return Outcome.Done(ToEntry(set));
        }

        db.Entry(set).Property(r => r.Version).OriginalValue = expectedVersion;
        set.AutomationOn = on;
        set.UpdatedBy = me.Name;
        db.DescribeNextSave(on ? "automation-on" : "automation-off");
        return await SaveAsync(set, cancellationToken);
    }

    /// <summary>The rules' decision on an application; not found when there is none or the caller may not see the application.</summary>
    public async Task<Outcome<AutoDecisionEntry>> DecisionAsync(CurrentUser me, int applicationId, CancellationToken cancellationToken = default)
    {
        var who = await db.Set<ServiceApplication>().AsNoTracking().Where(a => a.Id == applicationId)
            .Select(a => new { a.ApplicantId, a.UnitId }).SingleOrDefaultAsync(cancellationToken);
        var decision = who is not null && ServicesPermissions.CanSeeApplication(me, who.ApplicantId, who.UnitId)
            ? await db.Set<ServiceAutoDecision>().AsNoTracking().SingleOrDefaultAsync(d => d.ApplicationId == applicationId, cancellationToken)
            : null;
        return decision is null
            ? Outcome.NotFound<AutoDecisionEntry>("The rules' decision on this application")
            : Outcome.Done(new AutoDecisionEntry(decision.ApplicationId, decision.ItemId, decision.RuleVersion, decision.Outcome, decision.Reason,
                JsonSerializer.Deserialize<List<LineResult>>(decision.Lines, Json) ?? [], decision.DecidedAt));
    }

    /// <summary>Checks lines against a form: every bad line reported, the checked lines returned.</summary>
    internal static List<RuleLine> Check(IReadOnlyList<RuleLineInput?>? lines, IReadOnlyList<FormField> fields, ValidationErrors errors)
    {
        var result = new List<RuleLine>();
        if (lines is null || lines.Count is 0 or > MaxLines)
        {
            errors.Add("lines", LinesBad);
            return result;
        }

        var names = RuleFacts.NamesFor(fields);
        for (var i = 0; i < lines.Count; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"lines[{i}]");
            var expression = lines[i]?.Expression?.Trim() ?? string.Empty;
            if (RuleExpressions.Check(expression, names) is { } problem)
            {
                errors.Add(name, string.Create(CultureInfo.InvariantCulture, $"Line {i + 1}: {problem}"));
            }

            var zh = lines[i]?.ExplanationZh?.Trim() ?? string.Empty;
            var en = lines[i]?.ExplanationEn?.Trim() ?? string.Empty;
            if (zh.Length is 0 or > MaxExplanation || en.Length is 0 or > MaxExplanation)
            {
                errors.Add(name, ExplanationsRequired);
            }

            result.Add(new RuleLine(expression, zh, en, lines[i]?.RefusesWhenFalse ?? false));
        }

        return result;
    }

    /// <summary>
    /// Decides a newly filed application (not yet saved) when its item is auto-decidable and its rules are on: every
    /// line true → accepted and approved by "rules vN"; a refusal line false → accepted and rejected with its
    /// explanation; a line undecided (no answer, an error) or another line false → left Received for a person, the
    /// reason recorded. Saved with the application by the caller, who has found the applicant's role.
    /// </summary>
    internal async Task DecideAsync(ServiceApplication application, ServiceItemEntry item, Role? applicantRole, CancellationToken cancellationToken)
    {
        if (!item.AutoDecidable
            || await db.Set<ServiceRuleSet>().AsNoTracking().SingleOrDefaultAsync(r => r.ItemId == item.Id, cancellationToken) is not { AutomationOn: true } set)
        {
            return;
        }

        var lines = JsonSerializer.Deserialize<List<RuleLine>>(set.Lines, Json) ?? [];
        if (lines.Count == 0)
        {
            return;
        }

        var values = await RuleValues.ForAsync(db, application, applicantRole, item.Fields, cancellationToken);
        var names = RuleFacts.NamesFor(item.Fields);
        var results = lines.Select(line => RuleValues.Run(line, names, values)).ToList();
        var by = string.Create(CultureInfo.InvariantCulture, $"rules v{set.RuleVersion}");
        var (outcome, reason) = RuleValues.Conclude(results);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        db.Set<ServiceAutoDecision>().Add(new ServiceAutoDecision
        {
            Application = application,
            ItemId = item.Id,
            RuleVersion = set.RuleVersion,
            Outcome = outcome,
            Reason = reason,
            Lines = JsonSerializer.Serialize(results, Json),
            DecidedAt = now,
        });
        if (outcome == AutoOutcome.ToPerson)
        {
            return;
        }

        var today = db.Clock.Today();
        application.AcceptedOn = today;
        application.CommittedDue = await DueAsync(today, application.CommittedDays, cancellationToken);
        application.StatutoryDue = await DueAsync(today, application.StatutoryDays, cancellationToken);
        AddStep(application, ApplicationStep.Accepted, ApplicationState.Accepted, by, now, item.ReviewSteps.Count > 0 ? ReviewStepRules.SkippedByRules : null);
        application.State = outcome == AutoOutcome.Approved ? ApplicationState.Approved : ApplicationState.Rejected;
        application.Reason = reason;
        application.DecidedAt = now;
        application.WorkingDaysUsed = 0; // decided on the day of acceptance
        application.AutoDecided = true;
        AddStep(application, outcome == AutoOutcome.Approved ? ApplicationStep.Approved : ApplicationStep.Rejected, application.State, by, now, reason);
    }

    private void AddStep(ServiceApplication application, ApplicationStep step, ApplicationState state, string by, DateTime now, string? note = null) =>
        db.Set<ServiceApplicationStep>().Add(new ServiceApplicationStep
        {
            Application = application, Step = step, State = state, Note = note, TakenAt = now, TakenById = null, TakenBy = by,
        });

    private async Task<DateOnly> DueAsync(DateOnly accepted, int days, CancellationToken cancellationToken) =>
        days < 1 ? accepted : (await clock.DueAsync(accepted, days, cancellationToken: cancellationToken)).Due;

    private async Task<Outcome<RuleSetEntry>> SaveAsync(ServiceRuleSet set, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Done(ToEntry(set));
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Set<ServiceRuleSet>().AsNoTracking().Where(r => r.ItemId == set.ItemId).Select(r => (int?)r.Version).SingleOrDefaultAsync(cancellationToken);
            return Outcome.Stale<RuleSetEntry>(current ?? 0);
        }
    }

    private static RuleSetEntry ToEntry(ServiceRuleSet set) => new(
        set.ItemId, set.RuleVersion, set.AutomationOn, JsonSerializer.Deserialize<List<RuleLine>>(set.Lines, Json) ?? [], set.Version, set.UpdatedAt, set.UpdatedBy);
}
