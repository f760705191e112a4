using Followthrough.Services.Applications;
using Followthrough.Web;
using Followthrough.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Followthrough.Services.Materials;

/// <summary>The body of POST /services/applications/with-materials: the application and how each required material is given.</summary>
internal sealed record FileWithMaterialsRequest(int? ItemId, Dictionary<string, string?>? Answers, int? ApplicantId, List<MaterialChoice>? Materials);

/// <summary>/api/v1/services/materials: an applicant's files, uploaded once and given again; filing with materials.</summary>
internal static class MaterialsApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/services").WithTags("Services").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("/materials", UploadAsync).WithName("UploadServiceMaterial").DisableAntiforgery().RequireRateLimiting(RateLimits.Expensive)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaterialCheck.MaxUploadRequestBytes))
            .WithSummary("Uploads a material (PDF, PNG or JPEG by content; at most 10 MB) as multipart/form-data field 'file' to the caller's files (window staff: for applicantId).");
        group.MapGet("/materials", MineAsync).WithName("ListMyServiceMaterials")
            .WithSummary("The caller's files, newest first, to give again with later applications.");
        group.MapGet("/materials/{id:int}", DownloadAsync).WithName("DownloadServiceMaterial")
            .WithSummary("A file: its owner, or staff of the unit handling an application it was given with; 404 for anyone else.");
        group.MapPost("/applications/with-materials", FileAsync).WithName("FileServiceApplicationWithMaterials")
            .WithSummary("Files an application with each required material (materials[].position in the item's list) given as fileId (one of the applicant's files) or byLicence where the item allows; errors per material as materials[i].");
        group.MapGet("/applications/{id:int}/materials", OfApplicationAsync).WithName("ListServiceApplicationMaterials")
            .WithSummary("The materials an application was filed with; 404 for anyone who may not see the application.");
    }

    private static async Task<Results<Created<MaterialFileEntry>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        IFormFile? file, [Microsoft.AspNetCore.Mvc.FromForm] int? applicantId, CurrentUser me, ApplicantMaterials materials, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            var missing = new ValidationErrors();
            missing.Add("file", "Send the file as multipart/form-data in a field named 'file'.");
            return Problems.Invalid(missing);
        }

        var outcome = await materials.UploadAsync(me, applicantId, file.FileName, await MaterialCheck.ReadAsync(file, cancellationToken), cancellationToken);
        if (!outcome.IsDone)
        {
            return outcome.Errors is { } errors ? Problems.Invalid(errors) : Problems.Forbidden(outcome.Reason);
        }

        return TypedResults.Created($"/api/v1/services/materials/{outcome.Value!.Id}", outcome.Value);
    }

    private static async Task<Ok<IReadOnlyList<MaterialFileEntry>>> MineAsync(CurrentUser me, ApplicantMaterials materials, CancellationToken cancellationToken) =>
        TypedResults.Ok(await materials.MineAsync(me, cancellationToken));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        int id, CurrentUser me, ApplicantMaterials materials, CancellationToken cancellationToken)
    {
        var outcome = await materials.DownloadAsync(me, id, cancellationToken);
        return outcome.IsDone
            ? TypedResults.File(outcome.Value.Content, outcome.Value.File.ContentType, outcome.Value.File.Name)
            : Problems.NotFound(outcome.Reason ?? "The file");
    }

    private static async Task<Results<Created<ServiceApplicationEntry>, ValidationProblem, ProblemHttpResult>> FileAsync(
        FileWithMaterialsRequest body, CurrentUser me, ApplicantMaterials materials, CancellationToken cancellationToken)
    {
        var outcome = await materials.FileAsync(me, new ApplicationInput(body.ItemId, body.Answers, body.ApplicantId), body.Materials, cancellationToken);
        if (!outcome.IsDone)
        {
            return outcome.Errors is { } errors ? Problems.Invalid(errors)
                : outcome.Kind == OutcomeKind.Forbidden ? Problems.Forbidden(outcome.Reason) : Problems.NotFound(outcome.Reason ?? "The service");
        }

        return TypedResults.Created($"/api/v1/services/applications/{outcome.Value!.Id}", outcome.Value);
    }

    private static async Task<Results<Ok<IReadOnlyList<ApplicationMaterialEntry>>, ProblemHttpResult>> OfApplicationAsync(
        int id, CurrentUser me, ApplicantMaterials materials, CancellationToken cancellationToken)
    {
        var outcome = await materials.OfApplicationAsync(me, id, cancellationToken);
        return outcome.IsDone ? TypedResults.Ok(outcome.Value!) : Problems.NotFound("The application");
    }
}
