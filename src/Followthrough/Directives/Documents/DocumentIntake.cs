using System.Text;
using Followthrough.Accounts;
using Followthrough.Directives.Extraction;
using Followthrough.Organization;
using Followthrough.Plans;
using Followthrough.Storage;
using Followthrough.Storage.Files;
using Followthrough.Tasks;
using Followthrough.Web;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Directives.Documents;

/// <summary>The result of an upload: the stored document, or the field errors that stopped it.</summary>

/// <summary>
/// Takes in a document: checks it whole (facts, file, language, at least one directive), runs the same extraction
/// engine as <c>followthrough extract</c> with the database's units and the tasks' working-day calendar, then stores
/// the original file and, in one save, the document and its candidates. A refused upload stores nothing.
/// </summary>
internal sealed class DocumentIntake(
    FollowthroughDb db, IWorkingDayCalendar calendar, DocumentStore store, OrganizationDirectory organization, PlanItemLookup planItems,
    FileLimits? limits = null)
{
    private readonly FileLimits _limits = limits ?? FileLimits.Default;

    public const string OnlyTheOfficeBringsIn = "Only the supervision office and administrators bring in documents.";

    public const int MaxTitle = 300;
    public const int MaxBody = 200;

    public async Task<Outcome<SourceDocument>> UploadAsync(CurrentUser user, DocumentInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        if (!DocumentPermissions.CanUploadDocuments(user))
        {
            return Outcome.Forbidden<SourceDocument>(OnlyTheOfficeBringsIn);
        }

        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", "Choose the kind of document.");
        }

        errors.Require("title", input.Title, "The title", MaxTitle);
        if (input.Date is null)
        {
            errors.Add("date", "Give the date of the document.");
        }

        if ((input.IssuingBody?.Length ?? 0) > MaxBody)
        {
            errors.Add("issuingBody", $"The issuing body must be at most {MaxBody} characters.");
        }

        var (text, bytes, fileName, contentType) = Read(input, errors, _limits);
        if (!errors.IsEmpty || text is null)
        {
            return Outcome.Invalid<SourceDocument>(errors);
        }

        var units = await organization.UnitsAsync(activeOnly: true, cancellationToken);
        var extractor = Extractor(units);
        var result = extractor.Extract(text, input.Date!.Value);
        if (result.Language == DocumentLanguage.Unknown)
        {
            errors.Add(input.File is null ? "text" : "file", "The text is neither Chinese nor English; Followthrough reads only these two.");
            return Outcome.Invalid<SourceDocument>(errors);
        }

        if (result.Directives.Count == 0)
        {
            errors.Add(input.File is null ? "text" : "file", "No directives were found in the text: nothing asks anyone to act. Nothing was stored.");
            return Outcome.Invalid<SourceDocument>(errors);
        }

        if (UntrustedFile.CandidatesProblem(result.Directives.Count, _limits) is { } tooMany)
        {
            errors.Add(input.File is null ? "text" : "file", tooMany + " Nothing was stored.");
            return Outcome.Invalid<SourceDocument>(errors);
        }

        var document = new SourceDocument
        {
            Kind = input.Kind!.Value,
            Title = input.Title!.Trim(),
            DocumentDate = input.Date.Value,
            IssuingBody = input.IssuingBody?.Trim() ?? string.Empty,
            Language = result.Language == DocumentLanguage.Chinese ? "zh" : "en",
            Text = text,
            FileName = fileName,
            ContentType = contentType,
            SizeBytes = bytes.Length,
            Sha256 = DocumentStore.Checksum(bytes),
            UploadedById = user.PersonId,
        };
        var candidates = await CandidatesAsync(result.Directives, units, cancellationToken);
        db.Set<SourceDocument>().Add(document);
        var created = await store.SaveAsync(document.Sha256, bytes, cancellationToken);
        try
        {
            // Inside a caller's transaction (the demo loader) the document joins it; otherwise it has its own.
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            db.DescribeNextSave("document-uploaded", document.Title);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var candidate in candidates)
            {
                candidate.DocumentId = document.Id;
                db.Set<DirectiveCandidate>().Add(candidate);
            }

            db.DescribeNextSave("candidates-drafted", document.Title);
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch
        {
            if (created && !await db.Set<SourceDocument>().AsNoTracking().AnyAsync(d => d.Sha256 == document.Sha256, CancellationToken.None))
            {
                store.Forget(document.Sha256);
            }

            throw;
        }

        return Outcome.Done(document);
    }

    /// <summary>The extraction engine over the organisation's active units and the tasks' working-day calendar.</summary>
    private DirectiveExtractor Extractor(IReadOnlyList<UnitEntry> activeUnits) => new(
        new ActorRegistry(activeUnits.OrderBy(u => u.Id).Select(u => new RegistryUnit(u.Code, [u.NameZh, u.NameEn], u.Aliases))),
        (from, days) => calendar.Add(from, days));

    private static (string? Text, byte[] Bytes, string FileName, string ContentType) Read(DocumentInput input, ValidationErrors errors, FileLimits limits)
    {
        if (input.File is { } file)
        {
            var name = Path.GetFileName(input.FileName ?? "document.txt");
            var read = DocumentFile.Read(name, file, limits);
            if (read.Problem is not null)
            {
                errors.Add("file", read.Problem);
                return (null, [], name, string.Empty);
            }

            return (read.Text, file, name, read.ContentType);
        }

        if (string.IsNullOrWhiteSpace(input.Text))
        {
            errors.Add("text", "Paste the text of the document, or choose a file.");
            return (null, [], string.Empty, string.Empty);
        }

        var bytes = Encoding.UTF8.GetBytes(input.Text);
        if (bytes.Length > DocumentFile.MaxBytes)
        {
            errors.Add("text", $"The text is larger than {DocumentFile.MaxBytes / (1024 * 1024)} MB.");
            return (null, [], string.Empty, string.Empty);
        }

        if (UntrustedFile.DocumentTextProblem(input.Text.Length, limits) is { } tooLong)
        {
            errors.Add("text", tooLong);
            return (null, [], string.Empty, string.Empty);
        }

        if (input.Text.Any(c => c == '\0'))
        {
            errors.Add("text", "The text contains NUL characters: it looks like binary data, not text.");
            return (null, [], string.Empty, string.Empty);
        }

        return (input.Text, bytes, "pasted.txt", "text/plain; charset=utf-8");
    }

    private async Task<List<DirectiveCandidate>> CandidatesAsync(
        IReadOnlyList<ExtractedDirective> directives, IReadOnlyList<UnitEntry> activeUnits, CancellationToken cancellationToken)
    {
        var unitIds = activeUnits.ToDictionary(u => u.Code, u => u.Id, StringComparer.Ordinal);
        var suggest = PlanSuggestions.From(await planItems.InPlanOrderAsync(cancellationToken: cancellationToken));
        var candidates = new List<DirectiveCandidate>(directives.Count);
        foreach (var directive in directives)
        {
            var matched = directive.Actors.Where(a => a.Unit is not null && unitIds.ContainsKey(a.Unit)).Select(a => unitIds[a.Unit!]).Distinct().ToList();
            candidates.Add(new DirectiveCandidate
            {
                StartOffset = directive.Span.Start,
                EndOffset = directive.Span.End,
                Text = directive.Text,
                Actors = CandidateActors.Join(directive.Actors.Select(a => new CandidateActor(a.Span.Start, a.Span.End, a.Unit))),
                DeadlineText = directive.Deadline?.Text,
                DeadlineStart = directive.Deadline?.Span.Start,
                DeadlineEnd = directive.Deadline?.Span.End,
                Deadline = directive.Deadline?.Date,
                Topics = string.Join(',', directive.Topics),
                SuggestedPlanItemId = suggest.For(directive.Topics),
                PlanItemId = suggest.For(directive.Topics),
                LeadUnitId = matched.Count > 0 ? matched[0] : null,
                PartnerUnitIds = string.Join(',', matched.Skip(1)),
            });
        }

        return candidates;
    }
}
