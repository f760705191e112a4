using Followthrough.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Followthrough.Services.Catalogue;

/// <summary>The body of POST /services/items and PUT /services/items/{id}: the item's fields, and for an update its version.</summary>
internal sealed record ServiceItemRequest(
    string? Code,
    string? NameZh,
    string? NameEn,
    int? UnitId,
    string? Kind,
    string? LegalBasis,
    int? StatutoryDays,
    int? CommittedDays,
    string? Level,
    int? Visits,
    IReadOnlyList<MaterialInput>? Materials,
    decimal? Fee,
    IReadOnlyList<string>? LifeEvents,
    bool? AutoDecidable,
    int? Version)
{
    /// <summary>容缺受理 allowed (see <see cref="ServiceItemEntry.AcceptsOnPromise"/>).</summary>
    public bool? AcceptsOnPromise { get; init; }

    /// <summary>The application form's fields (key, labels, type, required, choices, limits).</summary>
    public IReadOnlyList<FormFieldInput?>? Fields { get; init; }

    /// <summary>The review steps (审查环节): names, working days, duty; null keeps the item's, [] removes them.</summary>
    public IReadOnlyList<ReviewStepInput?>? ReviewSteps { get; init; }

    public ServiceItemInput ToInput() =>
        new(Code, NameZh, NameEn, UnitId, Kind, LegalBasis, StatutoryDays, CommittedDays, Level, Visits, Materials, Fee, LifeEvents, AutoDecidable)
        {
            AcceptsOnPromise = AcceptsOnPromise,
            Fields = Fields,
            ReviewSteps = ReviewSteps,
        };
}

/// <summary>The body of POST /services/items/{id}/withdraw.</summary>
internal sealed record WithdrawRequest(int? Version, string? Reason);

/// <summary>/api/v1/services/items: the catalogue. Anyone reads it, signed in or not; administrators and the supervision office keep it.</summary>
internal static class CatalogueApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var read = api.MapGroup("/services/items").WithTags("Services").AllowAnonymous();
        read.MapGet("/", ListAsync).WithName("ListServiceItems")
            .WithSummary("Search the service catalogue (q: Chinese or English, any length) and filter by unit, delivery level and life event, a page at a time.");
        read.MapGet("/{id:int}", GetAsync).WithName("GetServiceItem")
            .WithSummary("Read one item (withdrawn ones too); the ETag header is its version.");
        read.MapGet("/{id:int}/versions", VersionsAsync).WithName("ListServiceItemVersions")
            .WithSummary("Every version of an item, oldest first, each with the whole item as it was saved.");
        read.MapGet("/{id:int}/versions/{version:int}", VersionAsync).WithName("GetServiceItemVersion")
            .WithSummary("An item as it was in one version: what an application filed under that version saw.");

        var write = api.MapGroup("/services/items").WithTags("Services").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        write.MapPost("/", CreateAsync).WithName("CreateServiceItem")
            .WithSummary("Add an item (administrators and the supervision office). Every bad field is reported (400); a code in use is a field error.");
        write.MapPut("/{id:int}", UpdateAsync).WithName("UpdateServiceItem")
            .WithSummary("Replace an item's fields, making a new version. Send If-Match or a version field: stale answers 409, none 428; a withdrawn item 409.");
        write.MapPost("/{id:int}/withdraw", WithdrawAsync).WithName("WithdrawServiceItem")
            .WithSummary("Withdraw an item from the catalogue with a reason, making a new version; it stays readable. Versioned like an update.");
    }

    private static async Task<Results<Ok<Paged<ServiceItemEntry>>, ValidationProblem>> ListAsync(
        string? q, int? unitId, string? level, string? lifeEvent, bool? withdrawn, int? page, int? pageSize,
        ServiceCatalogue catalogue, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var request = PageRequest.From(page, pageSize, errors);
        var parsedLevel = ServiceItemRules.ParseLevel(level);
        if (!string.IsNullOrWhiteSpace(level) && parsedLevel is null)
        {
            errors.Add("level", ServiceItemRules.LevelUnknown);
        }

        if (q is { Length: > 200 })
        {
            errors.Add("q", "The search text must be at most 200 characters.");
        }

        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        return TypedResults.Ok(await catalogue.SearchAsync(new CatalogueFilter(q, unitId, parsedLevel, lifeEvent, withdrawn ?? false), request, cancellationToken));
    }

    private static async Task<Results<Ok<ServiceItemEntry>, ProblemHttpResult>> GetAsync(
        int id, ServiceCatalogue catalogue, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await catalogue.GetAsync(id, cancellationToken) is not { } item)
        {
            return Problems.NotFound("The service item");
        }

        Versions.SetETag(response, item.Version);
        return TypedResults.Ok(item);
    }

    private static async Task<Results<Ok<IReadOnlyList<ServiceItemVersionEntry>>, ProblemHttpResult>> VersionsAsync(
        int id, ServiceCatalogue catalogue, CancellationToken cancellationToken)
    {
        var versions = await catalogue.VersionsAsync(id, cancellationToken);
        return versions.Count == 0 ? Problems.NotFound("The service item") : TypedResults.Ok(versions);
    }

    private static async Task<Results<Ok<ServiceItemVersionEntry>, ProblemHttpResult>> VersionAsync(
        int id, int version, ServiceCatalogue catalogue, CancellationToken cancellationToken) =>
        await catalogue.VersionAsync(id, version, cancellationToken) is { } found
            ? TypedResults.Ok(found)
            : Problems.NotFound("The version of the service item");

    private static async Task<Results<Created<ServiceItemEntry>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ServiceItemRequest body, CurrentUser me, ServiceCatalogue catalogue, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!ServicesPermissions.CanMaintainCatalogue(me))
        {
            return Problems.Forbidden("Only administrators and the supervision office keep the service catalogue.");
        }

        var outcome = await catalogue.CreateAsync(body.ToInput(), cancellationToken);
        if (!outcome.IsDone)
        {
            return outcome.Errors is { } errors ? Problems.Invalid(errors) : Problem(outcome.Refusal);
        }

        Versions.SetETag(response, outcome.Value!.Version);
        return TypedResults.Created($"/api/v1/services/items/{outcome.Value.Id}", outcome.Value);
    }

    private static async Task<Results<Ok<ServiceItemEntry>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, ServiceItemRequest body, CurrentUser me, ServiceCatalogue catalogue, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!ServicesPermissions.CanMaintainCatalogue(me))
        {
            return Problems.Forbidden("Only administrators and the supervision office keep the service catalogue.");
        }

        if (Versions.Expected(request, body.Version) is not { } version)
        {
            return Problems.VersionRequired();
        }

        return Answer(await catalogue.UpdateAsync(id, body.ToInput(), version, cancellationToken), response);
    }

    private static async Task<Results<Ok<ServiceItemEntry>, ValidationProblem, ProblemHttpResult>> WithdrawAsync(
        int id, WithdrawRequest? body, CurrentUser me, ServiceCatalogue catalogue, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!ServicesPermissions.CanMaintainCatalogue(me))
        {
            return Problems.Forbidden("Only administrators and the supervision office keep the service catalogue.");
        }

        if (Versions.Expected(request, body?.Version) is not { } version)
        {
            return Problems.VersionRequired();
        }

        return Answer(await catalogue.WithdrawAsync(id, body?.Reason, version, cancellationToken), response);
    }

    private static Results<Ok<ServiceItemEntry>, ValidationProblem, ProblemHttpResult> Answer(Outcome<ServiceItemEntry> outcome, HttpResponse response)
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
        OutcomeKind.NotFound => Problems.NotFound(refusal.Reason ?? "The service item"),
        OutcomeKind.Stale => Problems.Stale(refusal.CurrentVersion ?? 0),
        _ => Problems.Conflict(refusal.Reason ?? "The item cannot be changed now."),
    };
}
