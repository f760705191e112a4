namespace Followthrough.Needs;

/// <summary>Who takes which step on a need from which state, and what each step needs: plain rules the facade, the
/// pages and the tests ask.</summary>
internal static class NeedRules
{
    public const int MaxTitle = 200;
    public const int MaxText = 4000;
    public const int MaxCoUnits = 10;

    public const string CategoryRequired = "Choose what the need is about.";
    public const string TitleRequired = "Give the need a short title (at most 200 characters).";
    public const string DetailsRequired = "Describe the need: what blocks the enterprise and what it asks for (at most 4000 characters).";
    public const string UnitRequired = "Choose the government unit that receives the need first.";
    public const string UnitUnknown = "There is no such active government unit.";
    public const string EnterpriseRequired = "Name the enterprise's account the need is recorded for.";
    public const string EnterpriseUnknown = "The enterprise must be an active enterprise account.";
    public const string NotAFiler = "Enterprises file their own needs; a unit's staff record one after visiting an enterprise.";
    public const string HandOnUnitRequired = "Choose the unit the need is handed on to; it must be another active government unit.";
    public const string HandOnReasonRequired = "Say why the need is handed on (at most 4000 characters): the unit that receives it first is responsible until then.";
    public const string LeadRequired = "Choose the lead unit that answers the need.";
    public const string CoUnitsBad = "Co-units must be active government units other than the lead unit, at most 10.";
    public const string NoteTooLong = "A note has at most 4000 characters.";
    public const string AnswerRequired = "Write the answer to the enterprise (at most 4000 characters).";
    public const string SatisfactionRequired = "Say whether the enterprise is satisfied, basically satisfied or dissatisfied.";
    public const string OnlyResponsible = "Only the staff of the unit responsible for the need (首接负责) hand it on.";
    public const string OnlyDispatcher = "Only the unit responsible for the need, or the supervision office, dispatches it.";
    public const string OnlyOffice = "A reopened need is the supervision office's: only it dispatches it again.";
    public const string OnlyLead = "Only the staff of the lead unit answer the need.";
    public const string OnlyCaller = "The enterprise, the responsible unit or the supervision office records the callback.";
    public const string NotNow = "This step cannot be taken while the need stands where it does now.";
    public const string NotYetAnswered = "The need has not been answered yet: there is nothing to call back about.";

    /// <summary>The states each step is taken from.</summary>
    public static readonly IReadOnlyDictionary<NeedAction, NeedState[]> From = new Dictionary<NeedAction, NeedState[]>
    {
        [NeedAction.HandOn] = [NeedState.Filed],
        [NeedAction.Dispatch] = [NeedState.Filed, NeedState.Reopened],
        [NeedAction.Answer] = [NeedState.Dispatched],
        [NeedAction.CallBack] = [NeedState.Answered],
    };

    /// <summary>The states in which the limit runs: the need waits for the units.</summary>
    public static readonly NeedState[] ClockRunning = [NeedState.Filed, NeedState.Dispatched, NeedState.Reopened];

    /// <summary>Units that may receive, lead or co-operate on a need: the government's own.</summary>
    public static bool IsGovernmentUnit(Organization.UnitEntry? unit) =>
        unit is { IsActive: true, Kind: Organization.UnitKind.Government or Organization.UnitKind.Bureau or Organization.UnitKind.District or Organization.UnitKind.Zone };

    /// <summary>Whether <paramref name="user"/> is the one who takes <paramref name="action"/> on the need as it stands
    /// (in a state it is taken from), or null with the reason.</summary>
    public static string? NotYours(CurrentUser user, NeedAction action, EnterpriseNeed need) => action switch
    {
        NeedAction.HandOn => NeedsPermissions.IsStaffOf(user, need.ResponsibleUnitId) ? null : OnlyResponsible,
        NeedAction.Dispatch when need.State == NeedState.Reopened => NeedsPermissions.CanOversee(user) ? null : OnlyOffice,
        NeedAction.Dispatch => NeedsPermissions.CanOversee(user) || NeedsPermissions.IsStaffOf(user, need.ResponsibleUnitId) ? null : OnlyDispatcher,
        NeedAction.Answer => NeedsPermissions.IsStaffOf(user, need.LeadUnitId) ? null : OnlyLead,
        _ => (user.PersonId == need.EnterprisePersonId && user.Role is Role.Enterprise) || NeedsPermissions.CanOversee(user)
            || NeedsPermissions.IsStaffOf(user, need.ResponsibleUnitId) ? null : OnlyCaller,
    };

    /// <summary>The steps <paramref name="user"/> may take now.</summary>
    public static IReadOnlyList<NeedAction> Allowed(CurrentUser user, EnterpriseNeed need) =>
        [.. From.Where(f => f.Value.Contains(need.State) && NotYours(user, f.Key, need) is null).Select(f => f.Key)];

    /// <summary>A text field trimmed; null when empty.</summary>
    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Checks the fields of a filing (the unit and the enterprise are checked against the directory by the facade).</summary>
    public static (string? Title, string? Details) CheckFiling(NeedInput input, ValidationErrors errors)
    {
        if (input.Category is not { } category || !Enum.IsDefined(category))
        {
            errors.Add("category", CategoryRequired);
        }

        var title = Text(input.Title);
        if (title is null or { Length: > MaxTitle })
        {
            errors.Add("title", TitleRequired);
        }

        var details = Text(input.Details);
        if (details is null or { Length: > MaxText })
        {
            errors.Add("details", DetailsRequired);
        }

        return (title, details);
    }

    /// <summary>The note of a step: required for a hand-on, optional otherwise; the answer of an answer.</summary>
    public static string? CheckStep(NeedAction action, NeedStepInput input, ValidationErrors errors)
    {
        var note = Text(input.Note);
        switch (action)
        {
            case NeedAction.HandOn when note is null or { Length: > MaxText }:
                errors.Add("note", HandOnReasonRequired);
                break;
            case NeedAction.Answer:
                var answer = Text(input.Answer);
                if (answer is null or { Length: > MaxText })
                {
                    errors.Add("answer", AnswerRequired);
                }

                return answer;
            case NeedAction.CallBack when input.Satisfaction is not { } said || !Enum.IsDefined(said):
                errors.Add("satisfaction", SatisfactionRequired);
                break;
        }

        if (note is { Length: > MaxText } && action != NeedAction.HandOn)
        {
            errors.Add("note", NoteTooLong);
        }

        return note;
    }
}
