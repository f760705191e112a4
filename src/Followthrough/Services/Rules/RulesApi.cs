using Followthrough.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Followthrough.Services.Rules;

/// <summary>A fact a rule line may use, with its kind (for GET /services/rules/facts).</summary>
public sealed record RuleFactEntry(string Name, RuleValueKind Kind);

/// <summary>/api/v1/services/items/{id}/rules: an item's auto-approval rules (秒批); the decision on an application.</summary>
internal static class RulesApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var read = api.MapGroup("/services").WithTags("Services").AllowAnonymous();
        read.MapGet("/items/{id:int}/rules", GetAsync).WithName("GetServiceItemRules")
            .WithSummary("An item's auto-approval rules: the lines of its current rule version and whether automation is on. ETag is its version.");
        read.MapGet("/rules/facts", () => TypedResults.Ok(new
            {
                Facts = RuleFacts.All.Select(f => new RuleFactEntry(f.Key, f.Value)).ToList(),
                Functions = RuleExpressions.Functions.ToList(),
                RuleExpressions.MaxLength,
            }))
            .WithName("ListServiceRuleFacts")
            .WithSummary("The facts about the applicant and the functions a rule line may use besides the form's fields, and a line's maximum length.");

        var write = api.MapGroup("/services").WithTags("Services").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        write.MapPut("/items/{id:int}/rules", SaveAsync).WithName("SaveServiceItemRules")
            .WithSummary("Replace an item's rule lines (administrators and the supervision office), raising its rule version. A line that does not parse, "
                + "names a field or fact that does not exist, compares different kinds or calls a function not allowed is a field error naming the line (400). "
                + "Changing existing rules needs If-Match or a version field: stale 409, none 428.");
        write.MapPost("/items/{id:int}/rules/switch", SwitchAsync).WithName("SwitchServiceItemAutomation")
            .WithSummary("Switch an item's automation off (every application goes to a person) or on again; audited. Versioned like a change of rules.");
        write.MapGet("/applications/{id:int}/auto-decision", DecisionAsync).WithName("GetServiceApplicationAutoDecision")
            .WithSummary("The rules' decision on an application, line by line (explanation, inputs, result) with the rule version; 404 when the rules did not look at it.");
    }

    private static async Task<Results<Ok<RuleSetEntry>, ProblemHttpResult>> GetAsync(int id, AutoApproval rules, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await rules.GetAsync(id, cancellationToken) is not { } set)
        {
            return Problems.NotFound("The item's rules");
        }

        Versions.SetETag(response, set.Version);
        return TypedResults.Ok(set);
    }

    private static async Task<Results<Ok<RuleSetEntry>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        int id, RuleSetInput body, CurrentUser me, AutoApproval rules, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var existing = await rules.GetAsync(id, cancellationToken);
        var version = Versions.Expected(request, body?.Version);
        if (existing is not null && version is null && ServicesPermissions.CanMaintainCatalogue(me))
        {
            return Problems.VersionRequired();
        }

        return Answer(await rules.SaveAsync(me, id, body?.Lines, version, cancellationToken), response);
    }

    private static async Task<Results<Ok<RuleSetEntry>, ValidationProblem, ProblemHttpResult>> SwitchAsync(
        int id, AutomationSwitch body, CurrentUser me, AutoApproval rules, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        if (body?.On is not { } on)
        {
            var errors = new ValidationErrors();
            errors.Add("on", "Say whether automation is on (true) or off (false).");
            return Problems.Invalid(errors);
        }

        if (Versions.Expected(request, body.Version) is not { } version)
        {
            return Problems.VersionRequired();
        }

        return Answer(await rules.SwitchAsync(me, id, on, version, cancellationToken), response);
    }

    private static async Task<Results<Ok<AutoDecisionEntry>, ProblemHttpResult>> DecisionAsync(int id, CurrentUser me, AutoApproval rules, CancellationToken cancellationToken)
    {
        var outcome = await rules.DecisionAsync(me, id, cancellationToken);
        return outcome.IsDone ? TypedResults.Ok(outcome.Value!) : Problem(outcome.Refusal);
    }

    private static Results<Ok<RuleSetEntry>, ValidationProblem, ProblemHttpResult> Answer(Outcome<RuleSetEntry> outcome, HttpResponse response)
    {
        if (!outcome.IsDone)
        {
            return outcome.Errors is { } errors ? Problems.Invalid(errors) : Problem(outcome.Refusal);
        }

        Versions.SetETag(response, outcome.Value!.Version);
        return TypedResults.Ok(outcome.Value);
    }

    private static ProblemHttpResult Problem(Refusal refusal) => refusal.Kind switch
    {
        OutcomeKind.NotFound => Problems.NotFound(refusal.Reason ?? "The item's rules"),
        OutcomeKind.Forbidden => Problems.Forbidden(refusal.Reason),
        OutcomeKind.Stale => Problems.Stale(refusal.CurrentVersion ?? 0),
        _ => Problems.Conflict(refusal.Reason ?? "The rules cannot be changed now."),
    };
}
