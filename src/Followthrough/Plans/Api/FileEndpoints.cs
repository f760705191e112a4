using System.Globalization;
using Followthrough.Accounts;
using Followthrough.Plans.Files;
using Followthrough.Storage;
using Followthrough.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Followthrough.Web.Security;

namespace Followthrough.Plans.Api;

internal static class FileEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/plans/{id:int}/export", ExportAsync).WithName("ExportPlan").RequireRateLimiting(RateLimits.Expensive)
            .WithSummary("Downloads a plan with its items, indicators and current values as CSV or Excel (format=csv|xlsx, language=en|zh).");
        group.MapGet("/plans/import-template", TemplateAsync).WithName("GetPlanImportTemplate")
            .WithSummary("Downloads an empty plan file with every sheet and header (format=csv|xlsx, language=en|zh).");
        group.MapPost("/plans/import", ImportAsync).WithName("ImportPlan").DisableAntiforgery().RequireRateLimiting(RateLimits.Expensive)
            .WithSummary("Imports a plan file (multipart field 'file', .csv or .xlsx). The whole file is checked first; every problem is reported with its sheet, row and column, and nothing is written unless the file is valid. dryRun=true only checks.");
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(
        int id, string? format, string? language, FollowthroughDb db, PlanExporter exporter, CurrentUser user, CancellationToken cancellationToken)
    {
        if (!PlanPermissions.CanReadPlans(user))
        {
            return Problems.Forbidden();
        }

        if (!PlanExporter.TryFormatOf(format ?? "csv", out var fileFormat))
        {
            return ApiAnswers.Invalid("format", "The format is csv or xlsx.");
        }

        var code = await db.Set<Plan>().AsNoTracking().Where(p => p.Id == id).Select(p => p.Code).SingleOrDefaultAsync(cancellationToken);
        if (code is null)
        {
            return Problems.NotFound("The plan");
        }

        using var buffer = new MemoryStream();
        await exporter.ExportAsync(id, fileFormat, IsChinese(language), buffer, cancellationToken);
        return TypedResults.File(buffer.ToArray(), PlanExporter.ContentType(fileFormat), code + PlanExporter.Extension(fileFormat));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> TemplateAsync(
        string? format, string? language, CurrentUser user, CancellationToken cancellationToken)
    {
        if (!PlanPermissions.CanReadPlans(user))
        {
            return Problems.Forbidden();
        }

        if (!PlanExporter.TryFormatOf(format ?? "xlsx", out var fileFormat))
        {
            return ApiAnswers.Invalid("format", "The format is csv or xlsx.");
        }

        using var buffer = new MemoryStream();
        await PlanExporter.TemplateAsync(fileFormat, IsChinese(language), buffer, cancellationToken);
        return TypedResults.File(buffer.ToArray(), PlanExporter.ContentType(fileFormat), "plan-template" + PlanExporter.Extension(fileFormat));
    }

    private static async Task<Results<Ok<ImportSummaryDto>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        IFormFile? file, bool? dryRun, PlanImporter importer, CurrentUser user, CancellationToken cancellationToken)
    {
        if (!PlanPermissions.CanEditPlans(user))
        {
            return Problems.Forbidden("Only administrators and the supervision office import plans.");
        }

        if (file is null)
        {
            return ApiAnswers.Invalid("file", "Send the plan file as multipart/form-data in a field named 'file'.");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var outcome = await importer.ImportAsync(buffer.ToArray(), file.FileName, ForUser(user, dryRun == true), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Summary!) : Invalid(outcome.Problems);
    }

    /// <summary>Import options for a person: values only for indicators they may report (their unit's, or any for a supervisor).</summary>
    public static ImportOptions ForUser(CurrentUser user, bool dryRun) =>
        new(dryRun, unitId => PlanPermissions.CanRecordIndicatorValue(user, new Indicator { Code = string.Empty, NameZh = string.Empty, MeasureZh = string.Empty, ReportingUnitId = unitId }));

    /// <summary>Every problem as a field error keyed "Sheet[row].column", and the same list in order under "problems".</summary>
    public static ValidationProblem Invalid(IReadOnlyList<ImportProblem> problems)
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
            extensions: new Dictionary<string, object?> { ["problems"] = problems.Select(p => new ImportProblemDto(p.Sheet, p.Row, p.Column, p.Message)).ToList() });
    }

    private static bool IsChinese(string? language) => language?.StartsWith("zh", StringComparison.OrdinalIgnoreCase) == true;
}
