using System.Text.Json;
using Followthrough.Accounts;
using Followthrough.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Followthrough.Audit;

/// <summary>Reading the trail (administrators and the supervision office) and checking its chain (administrators).</summary>
internal static class AuditApi
{
    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder api)
    {
        var audit = api.MapGroup("/audit").RequireAuthorization().WithTags("Audit");
        audit.MapGet("", SearchAsync).WithName("SearchAudit")
            .WithSummary("Audit entries, newest first, filtered by record (entityType, entityId), actorId or action.");
        audit.MapGet("/verify", VerifyAsync).WithName("VerifyAudit")
            .WithSummary("Recomputes the whole hash chain: intact, or the first broken entry and what is wrong with it.");
        return api;
    }

    private static async Task<Results<Ok<Paged<AuditEntryResponse>>, ValidationProblem, ProblemHttpResult>> SearchAsync(
        string? entityType, string? entityId, int? actorId, string? action, int? page, int? pageSize,
        CurrentUser user, AuditTrail trail, CancellationToken cancellationToken)
    {
        if (!AuditPermissions.CanReadAudit(user))
        {
            return Problems.Forbidden("The audit trail is read by administrators and the supervision office.");
        }

        var errors = new ValidationErrors();
        var request = PageRequest.From(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var filter = new AuditFilter(entityType?.Trim(), entityId?.Trim(), actorId, action?.Trim());
        var (items, total) = await trail.SearchAsync(filter, request.Skip, request.PageSize, cancellationToken);
        return TypedResults.Ok(new Paged<AuditEntryResponse>([.. items.Select(AuditEntryResponse.From)], request.Page, request.PageSize, total));
    }

    private static async Task<Results<Ok<AuditVerification>, ProblemHttpResult>> VerifyAsync(
        CurrentUser user, AuditVerifier verifier, CancellationToken cancellationToken) =>
        AuditPermissions.CanVerifyAudit(user)
            ? TypedResults.Ok(await verifier.VerifyAsync(cancellationToken))
            : Problems.Forbidden("Only administrators verify the audit chain.");
}

/// <summary>
/// One audit entry as the API gives it: the changed values as JSON objects, and the hashes, so an outside auditor
/// can recompute the chain.
/// </summary>
public sealed record AuditEntryResponse(
    long Sequence,
    DateTime OccurredAt,
    int? ActorId,
    string ActorName,
    string Action,
    string EntityType,
    string EntityId,
    string? Comment,
    JsonElement? Before,
    JsonElement? After,
    string PreviousHash,
    string Hash)
{
    internal static AuditEntryResponse From(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Sequence, entry.OccurredAt, entry.ActorId, entry.ActorName, entry.Action, entry.EntityType, entry.EntityId,
            entry.Comment, Parse(entry.BeforeJson), Parse(entry.AfterJson), entry.PreviousHash, entry.Hash);
    }

    private static JsonElement? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
