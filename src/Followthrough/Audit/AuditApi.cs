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
        audit.MapGet("/reconcile", ReconcileAsync).WithName("ReconcileAudit")
            .WithSummary("Compares every audited record with the state its trail says it has: the records changed behind the product's back (the first 1,000 listed).");
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

    private const int ListedMismatches = 1000;

    private static async Task<Results<Ok<AuditReconcileResponse>, ProblemHttpResult>> ReconcileAsync(
        CurrentUser user, AuditReconciliation reconciliation, CancellationToken cancellationToken)
    {
        if (!AuditPermissions.CanVerifyAudit(user))
        {
            return Problems.Forbidden("Only administrators reconcile the audit trail.");
        }

        var listed = new List<AuditMismatch>();
        var summary = await reconciliation.RunAsync(mismatch =>
        {
            if (listed.Count < ListedMismatches)
            {
                listed.Add(mismatch);
            }

            return Task.CompletedTask;
        }, cancellationToken);
        return TypedResults.Ok(new AuditReconcileResponse(summary.Tables, summary.Records, summary.Mismatches, listed, summary.NotCompared));
    }
}

/// <summary>A reconciliation's totals and the first mismatches it found.</summary>
internal sealed record AuditReconcileResponse(int Tables, long Records, long Mismatches, IReadOnlyList<AuditMismatch> Listed, IReadOnlyList<string> NotCompared);

/// <summary>
/// One audit entry as the API gives it: the changed values as JSON objects, and the hashes, so an outside auditor
/// can recompute the chain.
/// </summary>
internal sealed record AuditEntryResponse(
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
