using System.Globalization;
using Followthrough.Storage.Files;
using Followthrough.Web;
using Followthrough.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Followthrough.Services.Catalogue;

/// <summary>A bad cell of an imported catalogue file, as the API reports it.</summary>
internal sealed record CatalogueFileProblemDto(string Sheet, int Row, string Column, string Message);

/// <summary>What an import did: counts, and whether anything was written (not on a dry run or when nothing changed).</summary>
internal sealed record CatalogueImportSummary(int Created, int Updated, int Unchanged, bool Written);

/// <summary>The catalogue as Excel over the API: export and import, for the catalogue's maintainers.</summary>
internal static class CatalogueFileApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var files = api.MapGroup("/services/items").WithTags("Services").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        files.MapGet("/export", ExportAsync).WithName("ExportServiceItems").RequireRateLimiting(RateLimits.Expensive)
            .WithSummary("Download the whole catalogue as an Excel workbook (sheets Items and Materials), in the layout the import reads.");
        files.MapPost("/import", ImportAsync).WithName("ImportServiceItems").DisableAntiforgery().RequireRateLimiting(RateLimits.Expensive)
            .WithSummary("Import a catalogue workbook (multipart field 'file', .xlsx). Every bad cell is reported with its sheet, row and column, and nothing is written unless the whole file is valid. dryRun=true only checks.");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        CurrentUser me, CatalogueTransfer transfer, CancellationToken cancellationToken)
    {
        if (!ServicesPermissions.CanMaintainCatalogue(me))
        {
            return Problems.Forbidden("Only administrators and the supervision office export the catalogue for editing.");
        }

        using var buffer = new MemoryStream();
        await transfer.ExportAsync(buffer, cancellationToken);
        return TypedResults.File(buffer.ToArray(), SpreadsheetWriter.XlsxContentType, "service-catalogue.xlsx");
    }

    private static async Task<Results<Ok<CatalogueImportSummary>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        IFormFile? file, bool? dryRun, CurrentUser me, CatalogueTransfer transfer, CancellationToken cancellationToken)
    {
        if (!ServicesPermissions.CanMaintainCatalogue(me))
        {
            return Problems.Forbidden("Only administrators and the supervision office import the catalogue.");
        }

        if (file is null)
        {
            var errors = new ValidationErrors();
            errors.Add("file", "Send the workbook as multipart/form-data in a field named 'file'.");
            return Problems.Invalid(errors);
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var result = await transfer.ImportAsync(buffer.ToArray(), file.FileName, dryRun == true, cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok(new CatalogueImportSummary(result.Created, result.Updated, result.Unchanged, result.Written))
            : Invalid(result.Problems);
    }

    /// <summary>Every problem as a field error keyed "Sheet[row].column", and the same list in order under "problems".</summary>
    private static ValidationProblem Invalid(IReadOnlyList<CatalogueFileProblem> problems)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var group in problems.GroupBy(p => p.Row > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{p.Sheet}[{p.Row}]{(p.Column.Length > 0 ? "." + p.Column : string.Empty)}")
            : p.Sheet))
        {
            errors[group.Key] = [.. group.Select(p => p.Message)];
        }

        return TypedResults.ValidationProblem(errors,
            title: $"The file has {problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}; nothing was imported.",
            extensions: new Dictionary<string, object?> { ["problems"] = problems.Select(p => new CatalogueFileProblemDto(p.Sheet, p.Row, p.Column, p.Message)).ToList() });
    }
}
