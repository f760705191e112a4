using System.Globalization;
using Followthrough.Accounts;
using Followthrough.Directives.Documents;
using Followthrough.Directives.Review;
using Followthrough.Tasks;
using Followthrough.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Followthrough.Web.Security;

namespace Followthrough.Directives.Api;

/// <summary>
/// /api/v1/documents: take in a meeting record, speech or report (a file or pasted text), read it back, download the
/// original, review the directives drafted from it, make the accepted ones into tasks, and follow them up.
/// </summary>
internal static class DocumentsApi
{
    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/documents").WithTags("Documents").RequireAuthorization();
        group.MapGet("/", ListAsync).WithName("DocumentList").WithSummary("Source documents the caller may read, newest first, paged.");
        group.MapPost("/", CreateAsync).WithName("DocumentCreate")
            .WithSummary("Take in pasted text as a document: the directives are drafted at once; nothing is stored when none is found.");
        group.MapPost("/files", UploadAsync).WithName("DocumentUpload").RequireRateLimiting(RateLimits.Expensive)
            .WithSummary("Upload a .txt, .md or .docx document (multipart/form-data: file, kind, title, date, issuingBody); at most 2 MB.")
            .DisableAntiforgery(); // token-authenticated API; the sign-in cookie is SameSite=Lax, so no cross-site form can use it
        group.MapGet("/{id:int}", GetAsync).WithName("DocumentGet").WithSummary("One document with its text.");
        group.MapGet("/{id:int}/original", DownloadAsync).WithName("DocumentDownload").WithSummary("The original file, byte for byte, checked against its SHA-256.");
        group.MapGet("/{id:int}/candidates", CandidatesAsync).WithName("CandidateList").WithSummary("The directives drafted from the document, in text order, paged.");
        group.MapPut("/{id:int}/candidates/{candidateId:int}", UpdateCandidateAsync).WithName("CandidateUpdate")
            .WithSummary("Review a directive: accept or reject it, edit its text, set lead and co-operating units, deadline and plan item.");
        group.MapPost("/{id:int}/candidates/{candidateId:int}/merge", MergeAsync).WithName("CandidateMerge").WithSummary("Merge a directive with the next one in the text.");
        group.MapPost("/{id:int}/candidates/{candidateId:int}/split", SplitAsync).WithName("CandidateSplit").WithSummary("Split a directive in two at a position in its sentence.");
        group.MapPost("/{id:int}/tasks", CreateTasksAsync).WithName("DocumentCreateTasks")
            .WithSummary("Make every accepted directive a draft task, all in one step: if one cannot be, none is.");
        group.MapGet("/{id:int}/follow-up", FollowUpAsync).WithName("DocumentFollowUp").RequireRateLimiting(RateLimits.FileExports)
            .WithSummary("How far the document's directives have come: tasks, assigned, on time, overdue, closed (format=json, csv or xlsx).");
        return api;
    }

    private static async Task<Results<Ok<Paged<DocumentDto>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        CurrentUser me, DocumentQueries queries, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (!CurrentUser.IsGovernmentStaff(me))
        {
            return Problems.Forbidden();
        }

        var errors = new ValidationErrors();
        var request = PageRequest.From(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var (rows, total) = await queries.ListAsync(me, request.Skip, request.PageSize, cancellationToken);
        return TypedResults.Ok(new Paged<DocumentDto>([.. rows.Select(d => DocumentDto.From(d, false))], request.Page, request.PageSize, total));
    }

    private static async Task<Results<Created<DocumentDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        DocumentTextRequest body, CurrentUser me, DocumentIntake intake, CancellationToken cancellationToken)
    {
        var result = await intake.UploadAsync(me, new DocumentInput
        {
            Kind = body.Kind,
            Title = body.Title,
            Date = body.Date,
            IssuingBody = body.IssuingBody,
            Text = body.Text,
        }, cancellationToken);
        return Answer(result);
    }

    private static async Task<Results<Created<DocumentDto>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        IFormFile? file, [FromForm] DocumentKind? kind, [FromForm] string? title, [FromForm] DateOnly? date, [FromForm] string? issuingBody,
        CurrentUser me, DocumentIntake intake, CancellationToken cancellationToken)
    {
        if (!DocumentPermissions.CanUploadDocuments(me))
        {
            return Problems.Forbidden();
        }

        if (file is null)
        {
            var errors = new ValidationErrors();
            errors.Add("file", "Choose the document file (.txt, .md or .docx).");
            return Problems.Invalid(errors);
        }

        if (file.Length > DocumentFile.MaxBytes)
        {
            var errors = new ValidationErrors();
            errors.Add("file", $"{Path.GetFileName(file.FileName)} is larger than {DocumentFile.MaxBytes / (1024 * 1024)} MB.");
            return Problems.Invalid(errors);
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var result = await intake.UploadAsync(me, new DocumentInput
        {
            Kind = kind,
            Title = title,
            Date = date,
            IssuingBody = issuingBody,
            FileName = file.FileName,
            File = buffer.ToArray(),
        }, cancellationToken);
        return Answer(result);
    }

    private static Results<Created<DocumentDto>, ValidationProblem, ProblemHttpResult> Answer(Outcome<SourceDocument> result)
    {
        if (result.Kind == OutcomeKind.Forbidden)
        {
            return Problems.Forbidden(result.Reason);
        }

        if (result.Value is not { } document)
        {
            return Problems.Invalid(result.Errors!);
        }

        return TypedResults.Created($"/api/v1/documents/{document.Id.ToString(CultureInfo.InvariantCulture)}", DocumentDto.From(document, true));
    }

    private static async Task<Results<Ok<DocumentDto>, ProblemHttpResult>> GetAsync(
        int id, CurrentUser me, DocumentQueries queries, HttpResponse response, CancellationToken cancellationToken)
    {
        var document = await queries.FindAsync(me, id, cancellationToken);
        if (document is null)
        {
            return Problems.NotFound("The document");
        }

        Versions.SetETag(response, document.Version);
        return TypedResults.Ok(DocumentDto.From(document, true));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        int id, CurrentUser me, DocumentQueries queries, DocumentStore store, CancellationToken cancellationToken)
    {
        var document = await queries.FindAsync(me, id, cancellationToken);
        if (document is null)
        {
            return Problems.NotFound("The document");
        }

        var content = await store.ReadAsync(document.Sha256, cancellationToken);
        if (content is null)
        {
            return TypedResults.Problem(
                title: "The original file is missing or damaged.",
                detail: "Its checksum no longer matches the one recorded at upload; it was not served.",
                statusCode: StatusCodes.Status500InternalServerError);
        }

        return TypedResults.File(content, document.ContentType, document.FileName);
    }

    private static async Task<Results<Ok<Paged<CandidateDto>>, ValidationProblem, ProblemHttpResult>> CandidatesAsync(
        int id, CurrentUser me, DocumentQueries queries, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var request = PageRequest.From(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var document = await queries.FindAsync(me, id, cancellationToken);
        if (document is null)
        {
            return Problems.NotFound("The document");
        }

        var (rows, total) = await queries.CandidatesAsync(id, request.Skip, request.PageSize, cancellationToken);
        return TypedResults.Ok(new Paged<CandidateDto>([.. rows.Select(c => CandidateDto.From(c, document.Text))], request.Page, request.PageSize, total));
    }

    private static async Task<Results<Ok<CandidateDto>, ValidationProblem, ProblemHttpResult>> UpdateCandidateAsync(
        int id, int candidateId, CandidateRequest body, CurrentUser me, CandidateReview review, DocumentQueries queries,
        HttpRequest request, CancellationToken cancellationToken)
    {
        var edit = new CandidateEdit
        {
            Status = body.Status,
            Text = body.Text,
            Assignment = true,
            LeadUnitId = body.LeadUnitId,
            PartnerUnitIds = body.PartnerUnitIds ?? [],
            Deadline = body.Deadline,
            PlanItemId = body.PlanItemId,
        };
        var done = await review.UpdateAsync(me, id, candidateId, Versions.Expected(request, body.Version), edit, cancellationToken);
        return await AnswerAsync(done, me, id, queries, cancellationToken);
    }

    private static async Task<Results<Ok<CandidateDto>, ValidationProblem, ProblemHttpResult>> MergeAsync(
        int id, int candidateId, CandidateVersionRequest? body, CurrentUser me, CandidateReview review, DocumentQueries queries,
        HttpRequest request, CancellationToken cancellationToken)
    {
        var done = await review.MergeWithNextAsync(me, id, candidateId, Versions.Expected(request, body?.Version), cancellationToken);
        return await AnswerAsync(done, me, id, queries, cancellationToken);
    }

    private static async Task<Results<Ok<CandidateDto>, ValidationProblem, ProblemHttpResult>> SplitAsync(
        int id, int candidateId, CandidateSplitRequest body, CurrentUser me, CandidateReview review, DocumentQueries queries,
        HttpRequest request, CancellationToken cancellationToken)
    {
        var done = await review.SplitAsync(me, id, candidateId, Versions.Expected(request, body.Version), body.At, cancellationToken);
        return await AnswerAsync(done, me, id, queries, cancellationToken);
    }

    private static async Task<Results<Ok<CandidateDto>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        Outcome<DirectiveCandidate> outcome, CurrentUser me, int documentId, DocumentQueries queries, CancellationToken cancellationToken)
    {
        if (!outcome.IsDone)
        {
            return Refuse<Ok<CandidateDto>>(outcome.Refusal, "The directive");
        }

        var document = await queries.FindAsync(me, documentId, cancellationToken);
        return TypedResults.Ok(CandidateDto.From(outcome.Value!, document!.Text));
    }

    private static async Task<Results<Ok<IReadOnlyList<CreatedTaskDto>>, ValidationProblem, ProblemHttpResult>> CreateTasksAsync(
        int id, CurrentUser me, CandidateReview review, CancellationToken cancellationToken)
    {
        var done = await review.CreateTasksAsync(me, id, cancellationToken);
        return done.IsDone
            ? TypedResults.Ok<IReadOnlyList<CreatedTaskDto>>([.. done.Value!.Select(c => new CreatedTaskDto(c.Id, c.TaskId!.Value))])
            : Refuse<Ok<IReadOnlyList<CreatedTaskDto>>>(done.Refusal, "The document");
    }

    private static async Task<Results<Ok<FollowUpReport>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> FollowUpAsync(
        int id, string? format, CurrentUser me, DocumentQueries queries, CancellationToken cancellationToken)
    {
        if (format is not (null or "json" or "csv" or "xlsx"))
        {
            var errors = new ValidationErrors();
            errors.Add("format", "The format is json, csv or xlsx.");
            return Problems.Invalid(errors);
        }

        var document = await queries.FindAsync(me, id, cancellationToken);
        if (document is null)
        {
            return Problems.NotFound("The document");
        }

        var report = await queries.FollowUpAsync(id, cancellationToken);
        if (format is null or "json")
        {
            return TypedResults.Ok(report);
        }

        return ListExport.File(report.ToTable("follow-up", label => label), format, string.Create(CultureInfo.InvariantCulture, $"document-{id}-follow-up"));
    }

    private static Results<TOk, ValidationProblem, ProblemHttpResult> Refuse<TOk>(Refusal failure, string what)
        where TOk : IResult => failure.Kind switch
    {
        OutcomeKind.Invalid => Problems.Invalid(failure.Errors!),
        OutcomeKind.Stale => Problems.Stale(failure.CurrentVersion ?? 0),
        OutcomeKind.NotFound => Problems.NotFound(what),
        OutcomeKind.Forbidden => Problems.Forbidden(failure.Reason),
        _ => Problems.Conflict("This is not possible now.", failure.Reason),
    };
}
