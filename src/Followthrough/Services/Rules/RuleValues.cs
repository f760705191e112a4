using System.Globalization;
using System.Text.Json;
using Followthrough.Services.Applications;
using Followthrough.Services.Catalogue;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Services.Rules;

/// <summary>The values a decision reads (the answers, typed by the form, and the facts), one line's run, and the conclusion.</summary>
internal static class RuleValues
{
    /// <summary>The typed answers of the application and the facts about its applicant.</summary>
    public static async Task<Dictionary<string, object>> ForAsync(
        FollowthroughDb db, ServiceApplication application, Role? role, IReadOnlyList<FormField> fields, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        var answers = JsonSerializer.Deserialize<Dictionary<string, string>>(application.Answers, ServiceCatalogue.Json) ?? [];
        foreach (var field in fields)
        {
            if (answers.TryGetValue(field.Key, out var text) && FormFieldRules.Typed(field.Type, text) is { } typed)
            {
                values[field.Key] = typed;
            }
        }

        values[RuleFacts.ApplicantRole] = role == Role.Enterprise ? "enterprise" : "citizen";
        values[RuleFacts.Channel] = application.Channel == ApplicationChannel.Window ? "window" : "online";
        var states = await db.Set<ServiceApplication>().AsNoTracking()
            .Where(a => a.ApplicantId == application.ApplicantId && a.ItemId == application.ItemId)
            .Select(a => a.State).ToListAsync(cancellationToken);
        values[RuleFacts.EarlierApprovals] = (decimal)states.Count(s => s is ApplicationState.Approved || s is ApplicationState.Delivered);
        values[RuleFacts.EarlierRefusals] = (decimal)states.Count(s => s is ApplicationState.Refused or ApplicationState.Rejected);
        values[RuleFacts.OpenApplications] = (decimal)states.Count(s => s is ApplicationState.Received or ApplicationState.SupplementRequested or ApplicationState.Accepted);
        return values;
    }

    /// <summary>Runs one line: checked again against the form it is read with, every name it uses given, then evaluated.</summary>
    public static LineResult Run(RuleLine line, IReadOnlyDictionary<string, RuleValueKind> names, IReadOnlyDictionary<string, object> values)
    {
        var used = new NCalc.Expression(line.Expression, NCalc.ExpressionOptions.NoCache).GetParameterNames().Distinct(StringComparer.Ordinal).ToList();
        var inputs = used.Where(values.ContainsKey).ToDictionary(n => n, n => Show(values[n]), StringComparer.Ordinal);
        if (RuleExpressions.Check(line.Expression, names) is { } problem)
        {
            return new LineResult(line, inputs, null, problem);
        }

        if (used.FirstOrDefault(n => !values.ContainsKey(n)) is { } missing)
        {
            return new LineResult(line, inputs, null, $"No answer was given for {missing}.");
        }

        var (result, error) = RuleExpressions.Evaluate(line.Expression, values.Where(v => used.Contains(v.Key)).ToDictionary());
        return new LineResult(line, inputs, result, error);
    }

    /// <summary>
    /// A line undecided sends the application to a person (people decide what the rules cannot); else a refusal line
    /// false rejects it; else another line false sends it to a person; else it is approved.
    /// </summary>
    public static (AutoOutcome Outcome, string Reason) Conclude(IReadOnlyList<LineResult> results)
    {
        if (results.FirstOrDefault(r => r.Result is null) is { } undecided)
        {
            return (AutoOutcome.ToPerson, $"{undecided.Line.ExplanationEn}: {undecided.Problem}");
        }

        if (results.FirstOrDefault(r => r.Result is false && r.Line.RefusesWhenFalse) is { } refusal)
        {
            return (AutoOutcome.Rejected, refusal.Line.ExplanationZh + " / " + refusal.Line.ExplanationEn);
        }

        if (results.FirstOrDefault(r => r.Result is false) is { } unmet)
        {
            return (AutoOutcome.ToPerson, "Not met: " + unmet.Line.ExplanationEn);
        }

        return (AutoOutcome.Approved, "Every condition of the rules is met.");
    }

    private static string Show(object value) => value switch
    {
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
