using System.Text.Json.Serialization;

namespace Followthrough.Services.Rules;

/// <summary>
/// One line of an item's rules: an expression over the form's fields and the facts, its explanation in both languages,
/// and whether a false result refuses the application (otherwise a false result sends it to a person).
/// </summary>
public sealed record RuleLine(string Expression, string ExplanationZh, string ExplanationEn, bool RefusesWhenFalse);

/// <summary>A line as sent.</summary>
public sealed record RuleLineInput(string? Expression, string? ExplanationZh, string? ExplanationEn, bool? RefusesWhenFalse);

/// <summary>
/// An item's rules (秒批) as they stand: the lines of rule version <see cref="RuleVersion"/>, whether automation is on,
/// and <see cref="Version"/>, which every change raises (the ETag).
/// </summary>
public sealed record RuleSetEntry(int ItemId, int RuleVersion, bool AutomationOn, IReadOnlyList<RuleLine> Lines, int Version, DateTime UpdatedAt, string UpdatedBy);

/// <summary>What the rules decided about an application.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AutoOutcome>))]
public enum AutoOutcome
{
    /// <summary>Every line held: accepted and approved at once.</summary>
    Approved,

    /// <summary>A refusal line did not hold: accepted and rejected at once, with its explanation.</summary>
    Rejected,

    /// <summary>A line could not be decided, or a line that does not refuse did not hold: left for a person.</summary>
    ToPerson,
}

/// <summary>One line of a decision: the line, the values it read and what it came to (null when it could not be decided, with why).</summary>
public sealed record LineResult(RuleLine Line, IReadOnlyDictionary<string, string> Inputs, bool? Result, string? Problem);

/// <summary>The rules' decision on an application, line by line, with the rule version it was decided by.</summary>
public sealed record AutoDecisionEntry(int ApplicationId, int ItemId, int RuleVersion, AutoOutcome Outcome, string Reason, IReadOnlyList<LineResult> Lines, DateTime DecidedAt);

/// <summary>The body of PUT /services/items/{id}/rules.</summary>
public sealed record RuleSetInput(IReadOnlyList<RuleLineInput?>? Lines, int? Version = null);

/// <summary>The body of POST /services/items/{id}/rules/switch.</summary>
public sealed record AutomationSwitch(bool? On, int? Version = null);
