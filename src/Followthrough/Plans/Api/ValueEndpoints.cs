using Followthrough.Accounts;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Followthrough.Web.Security;

namespace Followthrough.Plans.Api;

internal static class ValueEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/indicators/{id:int}/values", ListAsync).WithName("ListIndicatorValues")
            .WithSummary("Lists an indicator's reported values, newest period first, corrections included (currentOnly=true for current figures only).");
        group.MapPost("/indicators/{id:int}/values", RecordAsync).WithName("RecordIndicatorValue")
            .WithSummary("Reports the actual value for a period (the reporting unit's staff or a supervisor).");
        group.MapGet("/indicator-values/{id:long}", GetAsync).WithName("GetIndicatorValue").WithSummary("Reads one reported value.");
        group.MapPost("/indicator-values/{id:long}/corrections", CorrectAsync).WithName("CorrectIndicatorValue")
            .WithSummary("Corrects a reported value: a new value supersedes it and both stay on record; 409 when it was already corrected.");
        group.MapPost("/indicator-evidence", UploadAsync).WithName("UploadIndicatorEvidence").DisableAntiforgery().RequireRateLimiting(RateLimits.Expensive)
            .WithSummary("Uploads an evidence file (PDF, PNG, JPEG, .docx, .xlsx; at most 3 MB) to name in a value report as evidenceId.");
        group.MapGet("/indicator-evidence/{id:int}", DownloadAsync).WithName("DownloadIndicatorEvidence")
            .WithSummary("Downloads an evidence file after checking it against its recorded SHA-256.");
    }

    private static async Task<Results<Ok<Paged<ValueDto>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        int id, FollowthroughDb db, IndicatorValueService values, CurrentUser user, int? page, int? pageSize, bool? currentOnly, CancellationToken cancellationToken)
    {
        if (!PlanPermissions.CanReadPlans(user))
        {
            return Problems.Forbidden();
        }

        var errors = new ValidationErrors();
        var request = PageRequest.From(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var indicator = await db.Set<Indicator>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (indicator is null)
        {
            return Problems.NotFound("The indicator");
        }

        var all = (await values.HistoryAsync(indicator, cancellationToken)).Where(e => currentOnly != true || e.IsCurrent).ToList();
        var items = all.Skip(request.Skip).Take(request.PageSize).Select(PlanDtoMapper.ToDto).ToList();
        return TypedResults.Ok(new Paged<ValueDto>(items, request.Page, request.PageSize, all.Count));
    }

    private static async Task<Results<Ok<ValueDto>, ProblemHttpResult>> GetAsync(
        long id, FollowthroughDb db, IndicatorValueService values, CurrentUser user, CancellationToken cancellationToken)
    {
        if (!PlanPermissions.CanReadPlans(user))
        {
            return Problems.Forbidden();
        }

        var entry = await EntryAsync(db, values, id, cancellationToken);
        return entry is null ? Problems.NotFound("The value") : TypedResults.Ok(PlanDtoMapper.ToDto(entry));
    }

    private static async Task<Results<Created<ValueDto>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        int id, ValueWrite body, FollowthroughDb db, IndicatorValueService values, CurrentUser user, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!PlanPermissions.CanReadPlans(user))
        {
            return Problems.Forbidden();
        }

        var result = await values.RecordAsync(user, id, body, null, "api", cancellationToken);
        var entry = result.IsDone ? await EntryAsync(db, values, result.Value!.Id, cancellationToken) : null;
        return ApiAnswers.Created(result, _ => PlanDtoMapper.ToDto(entry!), response, "The indicator", v => $"/api/v1/indicator-values/{v.Id}");
    }

    private static async Task<Results<Created<ValueDto>, ValidationProblem, ProblemHttpResult>> CorrectAsync(
        long id, CorrectionWrite body, FollowthroughDb db, IndicatorValueService values, CurrentUser user, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!PlanPermissions.CanReadPlans(user))
        {
            return Problems.Forbidden();
        }

        var result = await values.CorrectAsync(user, id, body, null, "api", cancellationToken);
        var entry = result.IsDone ? await EntryAsync(db, values, result.Value!.Id, cancellationToken) : null;
        return ApiAnswers.Created(result, _ => PlanDtoMapper.ToDto(entry!), response, "The value", v => $"/api/v1/indicator-values/{v.Id}");
    }

    private static async Task<Results<Created<EvidenceDto>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        IFormFile? file, FollowthroughDb db, IndicatorEvidenceStore store, CurrentUser user, CancellationToken cancellationToken)
    {
        if (user.Role is not (Role.Supervisor or Role.UnitStaff))
        {
            return Problems.Forbidden("Only reporting units' staff and the supervision office attach evidence.");
        }

        if (file is null)
        {
            return ApiAnswers.Invalid("file", "Send the file as multipart/form-data in a field named 'file'.");
        }

        await using var stream = file.OpenReadStream();
        var upload = await IndicatorEvidenceStore.ReadAsync(stream, file.FileName, cancellationToken);
        if (IndicatorEvidenceStore.Problem(upload, out var contentType) is { } problem)
        {
            return ApiAnswers.Invalid("file", problem);
        }

        var stored = await store.StoreAsync(upload, contentType, user.PersonId, user.Name, cancellationToken);
        db.DescribeNextSave("evidence-attached");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/indicator-evidence/{stored.Id}", PlanDtoMapper.ToDto(stored));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        int id, FollowthroughDb db, IndicatorEvidenceStore store, CurrentUser user, CancellationToken cancellationToken)
    {
        if (!PlanPermissions.CanReadPlans(user))
        {
            return Problems.Forbidden();
        }

        // Another unit's evidence answers exactly as a file that does not exist.
        var file = await IndicatorEvidenceAccess.FindVisibleAsync(db, user, id, cancellationToken);
        if (file is null)
        {
            return Problems.NotFound("The evidence file");
        }

        var bytes = await store.ReadVerifiedAsync(file, cancellationToken);
        return bytes is null
            ? Problems.Conflict("The stored file is missing or no longer matches its checksum.", $"Expected SHA-256 {file.Sha256}.")
            : TypedResults.File(bytes, file.ContentType, file.FileName);
    }

    private static async Task<ValueEntry?> EntryAsync(FollowthroughDb db, IndicatorValueService values, long id, CancellationToken cancellationToken)
    {
        var indicatorId = await db.Set<IndicatorValue>().AsNoTracking().Where(v => v.Id == id).Select(v => (int?)v.IndicatorId).SingleOrDefaultAsync(cancellationToken);
        if (indicatorId is null)
        {
            return null;
        }

        var indicator = await db.Set<Indicator>().AsNoTracking().SingleAsync(i => i.Id == indicatorId, cancellationToken);
        return (await values.HistoryAsync(indicator, cancellationToken)).Single(e => e.Value.Id == id);
    }
}
