using Followthrough.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Followthrough.Services.Bundles;

/// <summary>The body of POST /services/bundles and PUT /services/bundles/{id}: the bundle's fields, and for an update its version.</summary>
internal sealed record BundleRequest(
    string? Code, string? NameZh, string? NameEn, string? LifeEvent, string? DescriptionZh, string? DescriptionEn,
    IReadOnlyList<int>? ItemIds, string? Status, int? Version)
{
    public BundleInput ToInput() => new(Code, NameZh, NameEn, LifeEvent, DescriptionZh, DescriptionEn, ItemIds, Status);
}

/// <summary>The body of POST /services/bundle-applications: the bundle, the answers to its one form, and its materials.</summary>
internal sealed record BundleFilingRequest(int? BundleId, Dictionary<string, string?>? Answers, List<MaterialChoiceInput>? Materials, int? ApplicantId = null);

/// <summary>
/// /api/v1/services/bundles (一件事一次办, read by anyone, kept by the catalogue's keepers) and
/// /api/v1/services/bundle-applications (filed and followed by the applicant).
/// </summary>
internal static class BundlesApi
{
    private const string KeepersOnly = "Only administrators and the supervision office keep the service catalogue.";

    public static void Map(IEndpointRouteBuilder api)
    {
        var read = api.MapGroup("/services/bundles").WithTags("Services").AllowAnonymous();
        read.MapGet("/", ListAsync).WithName("ListServiceBundles")
            .WithSummary("The catalogue's bundles (one thing, one time): published ones, or every one with withdrawn=true.");
        read.MapGet("/{id:int}", GetAsync).WithName("GetServiceBundle")
            .WithSummary("One bundle with its items; the ETag header is its version.");
        read.MapGet("/{id:int}/form", FormAsync).WithName("GetServiceBundleForm")
            .WithSummary("The bundle's one form: its parts' fields (each key once) and materials (each once, with the parts that need it).");

        var write = api.MapGroup("/services/bundles").WithTags("Services").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        write.MapPost("/", CreateAsync).WithName("CreateServiceBundle")
            .WithSummary("Add a bundle of at least two items, none withdrawn (administrators and the supervision office); every bad field is reported (400).");
        write.MapPut("/{id:int}", UpdateAsync).WithName("UpdateServiceBundle")
            .WithSummary("Replace a bundle's fields, or withdraw it with status Withdrawn. Send If-Match or a version field: stale answers 409, none 428.");

        var filing = api.MapGroup("/services/bundle-applications").WithTags("Services").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        filing.MapPost("/", FileAsync).WithName("FileServiceBundleApplication")
            .WithSummary("File a bundle (enterprises and citizens), or record it at the window for the applicant named by applicantId (a window officer of a unit "
                + "handling one of its services, else 403): one application per part, all or none; errors name their part as parts[i].field.");
        filing.MapGet("/mine", MineAsync).WithName("ListMyServiceBundleApplications")
            .WithSummary("The caller's bundle applications, newest first, each with its one status and its parts.");
        filing.MapGet("/{id:int}", GetOneAsync).WithName("GetServiceBundleApplication")
            .WithSummary("One bundle application: its status (InProgress, WaitingForYou, Finished) and each part; 404 for anyone who may not see it.");
    }

    private static async Task<Ok<IReadOnlyList<BundleEntry>>> ListAsync(bool? withdrawn, ServiceBundles bundles, CancellationToken cancellationToken) =>
        TypedResults.Ok(await bundles.ListAsync(withdrawn ?? false, cancellationToken));

    private static async Task<Results<Ok<BundleEntry>, ProblemHttpResult>> GetAsync(int id, ServiceBundles bundles, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await bundles.GetAsync(id, cancellationToken) is not { } bundle)
        {
            return Problems.NotFound("The bundle");
        }

        Versions.SetETag(response, bundle.Version);
        return TypedResults.Ok(bundle);
    }

    private static async Task<Results<Ok<BundleForm>, ProblemHttpResult>> FormAsync(int id, BundleApplications filings, CancellationToken cancellationToken) =>
        await filings.FormAsync(id, cancellationToken) is { } found ? TypedResults.Ok(found.Form) : Problems.NotFound("The bundle");

    private static async Task<Results<Created<BundleEntry>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        BundleRequest body, CurrentUser me, ServiceBundles bundles, HttpResponse response, CancellationToken cancellationToken)
    {
        var outcome = await bundles.CreateAsync(me, body.ToInput(), cancellationToken);
        if (!outcome.IsDone)
        {
            return outcome.Errors is { } errors ? Problems.Invalid(errors) : Problem(outcome.Refusal);
        }

        Versions.SetETag(response, outcome.Value!.Version);
        return TypedResults.Created($"/api/v1/services/bundles/{outcome.Value.Id}", outcome.Value);
    }

    private static async Task<Results<Ok<BundleEntry>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, BundleRequest body, CurrentUser me, ServiceBundles bundles, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!ServicesPermissions.CanMaintainCatalogue(me))
        {
            return Problems.Forbidden(KeepersOnly);
        }

        if (Versions.Expected(request, body.Version) is not { } version)
        {
            return Problems.VersionRequired();
        }

        var outcome = await bundles.UpdateAsync(me, id, body.ToInput(), version, cancellationToken);
        if (!outcome.IsDone)
        {
            return outcome.Errors is { } errors ? Problems.Invalid(errors) : Problem(outcome.Refusal);
        }

        Versions.SetETag(response, outcome.Value!.Version);
        return TypedResults.Ok(outcome.Value);
    }

    private static async Task<Results<Created<BundleApplicationEntry>, ValidationProblem, ProblemHttpResult>> FileAsync(
        BundleFilingRequest body, CurrentUser me, BundleApplications filings, CancellationToken cancellationToken)
    {
        var outcome = await filings.FileAsync(me, new BundleFilingInput(body.BundleId, body.Answers, body.Materials, body.ApplicantId), cancellationToken);
        if (!outcome.IsDone)
        {
            return outcome.Errors is { } errors ? Problems.Invalid(errors) : Problem(outcome.Refusal);
        }

        return TypedResults.Created($"/api/v1/services/bundle-applications/{outcome.Value!.Id}", outcome.Value);
    }

    private static async Task<Ok<IReadOnlyList<BundleApplicationEntry>>> MineAsync(CurrentUser me, BundleApplications filings, CancellationToken cancellationToken) =>
        TypedResults.Ok(await filings.MineAsync(me, cancellationToken));

    private static async Task<Results<Ok<BundleApplicationEntry>, ProblemHttpResult>> GetOneAsync(
        int id, CurrentUser me, BundleApplications filings, CancellationToken cancellationToken)
    {
        var outcome = await filings.GetAsync(me, id, cancellationToken);
        return outcome.IsDone ? TypedResults.Ok(outcome.Value!) : Problem(outcome.Refusal);
    }

    private static ProblemHttpResult Problem(Refusal refusal) => refusal.Kind switch
    {
        OutcomeKind.NotFound => Problems.NotFound(refusal.Reason ?? "The bundle"),
        OutcomeKind.Forbidden => Problems.Forbidden(refusal.Reason),
        OutcomeKind.Stale => Problems.Stale(refusal.CurrentVersion ?? 0),
        _ => Problems.Conflict(refusal.Reason ?? "The bundle cannot be changed now."),
    };
}
