using Followthrough.Services.Duties;
namespace Followthrough.Services.Applications;

/// <summary>Who takes which step from which state, and what each step needs: plain rules the facade and tests ask.</summary>
internal static class ApplicationRules
{
    public const int MaxAnswers = 50;
    public const int MaxKey = 100;
    public const int MaxValue = 2000;
    public const int MaxText = 2000;
    public const int MaxMissing = 30;

    public const string ItemRequired = "Choose the service to apply for.";
    public const string ItemUnknown = "There is no such service.";
    public const string ItemWithdrawn = "This service has been withdrawn and no longer accepts applications.";
    public const string ApplicantRequired = "Name the enterprise or citizen the application is recorded for.";
    public const string ApplicantUnknown = "The applicant must be an active enterprise or citizen account.";
    public const string AnswersTooMany = "A form has at most 50 answers.";
    public const string AnswerBad = "Each answer needs a name of at most 100 characters and a value of at most 2000.";
    public const string ReasonRequired = "Give the reason (at most 2000 characters).";
    public const string LegalBasisRequired = "Give the legal basis of the refusal (at most 2000 characters).";
    public const string MissingRequired = "List every material or answer that is missing, one per line (at most 30, each at most 2000 characters).";

    /// <summary>Who takes a step: the applicant, a window officer of the item's unit (Staff), or its approver.</summary>
    public enum Actor
    {
        Applicant,
        Staff,
        Approver,
    }

    /// <summary>Each step: who takes it, from which states, and the state it leaves.</summary>
    public static readonly IReadOnlyDictionary<ApplicationStep, (Actor By, ApplicationState[] From, ApplicationState To)> Steps =
        new Dictionary<ApplicationStep, (Actor, ApplicationState[], ApplicationState)>
        {
            [ApplicationStep.Accepted] = (Actor.Staff, [ApplicationState.Received], ApplicationState.Accepted),
            [ApplicationStep.Refused] = (Actor.Staff, [ApplicationState.Received], ApplicationState.Refused),
            [ApplicationStep.SupplementRequested] = (Actor.Staff, [ApplicationState.Received], ApplicationState.SupplementRequested),
            [ApplicationStep.Resubmitted] = (Actor.Applicant, [ApplicationState.SupplementRequested], ApplicationState.Received),
            [ApplicationStep.Approved] = (Actor.Approver, [ApplicationState.Accepted], ApplicationState.Approved),
            [ApplicationStep.Rejected] = (Actor.Approver, [ApplicationState.Accepted], ApplicationState.Rejected),
            [ApplicationStep.Delivered] = (Actor.Staff, [ApplicationState.Approved, ApplicationState.Rejected], ApplicationState.Delivered),
            [ApplicationStep.Withdrawn] = (Actor.Applicant,
                [ApplicationState.Received, ApplicationState.SupplementRequested, ApplicationState.Accepted], ApplicationState.Withdrawn),
        };

    /// <summary>The steps <paramref name="user"/> may take on an application now (for pages' buttons and refusals).</summary>
    public static IReadOnlyList<ApplicationStep> Allowed(CurrentUser user, int applicantId, int unitId, ApplicationState state, IReadOnlySet<ServiceDuty> duties) =>
        [.. Steps.Where(s => s.Value.From.Contains(state) && IsActor(user, s.Value.By, applicantId, unitId, duties)).Select(s => s.Key)];

    public static bool IsActor(CurrentUser user, Actor actor, int applicantId, int unitId, IReadOnlySet<ServiceDuty> duties) => actor switch
    {
        Actor.Applicant => user.PersonId == applicantId && ServicesPermissions.CanApply(user),
        Actor.Approver => ServicesPermissions.CanDecide(user, unitId, duties),
        _ => ServicesPermissions.CanTakeWindowStep(user, unitId, duties),
    };

    /// <summary>Why someone without the duty may not take a step of <paramref name="actor"/>.</summary>
    public static string NotYourStep(Actor actor) => actor switch
    {
        Actor.Applicant => "Only the applicant takes this step.",
        Actor.Approver => "Only the unit's approver (审批人) decides an application; ask the administrators or the supervision office to name you approver if you should.",
        _ => "Only a window officer (窗口人员) of the item's responsible unit takes this step.",
    };

    /// <summary>The answers trimmed, empty values dropped; null with an error when they break the limits.</summary>
    public static Dictionary<string, string>? CheckAnswers(IReadOnlyDictionary<string, string?>? answers, ValidationErrors errors)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in answers ?? new Dictionary<string, string?>())
        {
            var k = key?.Trim() ?? string.Empty;
            var v = value?.Trim() ?? string.Empty;
            if (k.Length is 0 or > MaxKey || v.Length > MaxValue)
            {
                errors.Add("answers", AnswerBad);
                return null;
            }

            if (v.Length > 0)
            {
                result[k] = v;
            }
        }

        if (result.Count > MaxAnswers)
        {
            errors.Add("answers", AnswersTooMany);
            return null;
        }

        return result;
    }

    /// <summary>Checks what the step needs; the trimmed text and list to store.</summary>
    public static (string? Reason, string? LegalBasis, List<string>? Missing) CheckStep(ApplicationStep step, StepInput input, ValidationErrors errors)
    {
        var reason = Text(input.Reason);
        var basis = Text(input.LegalBasis);
        switch (step)
        {
            case ApplicationStep.Refused:
                Require(reason, "reason", ReasonRequired, errors);
                Require(basis, "legalBasis", LegalBasisRequired, errors);
                return (reason, basis, null);
            case ApplicationStep.Rejected:
                Require(reason, "reason", ReasonRequired, errors);
                return (reason, null, null);
            case ApplicationStep.SupplementRequested:
                var missing = (input.Missing ?? []).Select(Text).Where(m => m is not null).Cast<string>().ToList();
                if (missing.Count is 0 or > MaxMissing || missing.Any(m => m.Length > MaxText))
                {
                    errors.Add("missing", MissingRequired);
                }

                return (reason is { Length: <= MaxText } ? reason : null, null, missing);
            default:
                if (reason is { Length: > MaxText })
                {
                    errors.Add("reason", ReasonRequired);
                }

                return (reason, null, null);
        }
    }

    private static void Require(string? value, string field, string message, ValidationErrors errors)
    {
        if (value is null || value.Length > MaxText)
        {
            errors.Add(field, message);
        }
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The states in which the legal clock runs: accepted and not yet decided. The daily supervision run
    /// reminds and urges the unit of every such application near or past its committed limit.</summary>
    public static readonly ApplicationState[] ClockRunning = [ApplicationState.Accepted];
}
