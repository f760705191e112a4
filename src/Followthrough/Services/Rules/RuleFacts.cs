using Followthrough.Services.Catalogue;

namespace Followthrough.Services.Rules;

/// <summary>
/// The facts the platform holds about an applicant that a rule line may use besides the form's fields. Services owns
/// this list; a form field may not take one of these names.
/// <list type="bullet">
/// <item><c>applicantRole</c> (text): 'enterprise' or 'citizen'.</item>
/// <item><c>channel</c> (text): 'online' or 'window'.</item>
/// <item><c>earlierApprovals</c> (number): the applicant's earlier applications for this item that were approved (or approved and delivered).</item>
/// <item><c>earlierRefusals</c> (number): the applicant's earlier applications for this item that were refused or rejected.</item>
/// <item><c>openApplications</c> (number): the applicant's other applications for this item still open (received, to supplement or accepted).</item>
/// </list>
/// </summary>
public static class RuleFacts
{
    public const string ApplicantRole = "applicantRole";
    public const string Channel = "channel";
    public const string EarlierApprovals = "earlierApprovals";
    public const string EarlierRefusals = "earlierRefusals";
    public const string OpenApplications = "openApplications";

    /// <summary>Every fact with its kind.</summary>
    public static readonly IReadOnlyDictionary<string, RuleValueKind> All = new Dictionary<string, RuleValueKind>(StringComparer.Ordinal)
    {
        [ApplicantRole] = RuleValueKind.Text,
        [Channel] = RuleValueKind.Text,
        [EarlierApprovals] = RuleValueKind.Number,
        [EarlierRefusals] = RuleValueKind.Number,
        [OpenApplications] = RuleValueKind.Number,
    };

    public static bool IsFact(string name) => All.Keys.Any(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The names a line of an item's rules may use: its form's fields and the facts.</summary>
    public static IReadOnlyDictionary<string, RuleValueKind> NamesFor(IReadOnlyList<FormField> fields)
    {
        var names = new Dictionary<string, RuleValueKind>(All, StringComparer.Ordinal);
        foreach (var field in fields)
        {
            names[field.Key] = KindOf(field.Type);
        }

        return names;
    }

    public static RuleValueKind KindOf(FormFieldType type) => type switch
    {
        FormFieldType.Number => RuleValueKind.Number,
        FormFieldType.Date => RuleValueKind.Date,
        FormFieldType.YesNo => RuleValueKind.Bool,
        _ => RuleValueKind.Text,
    };
}
