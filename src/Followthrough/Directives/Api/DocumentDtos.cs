using Followthrough.Directives.Documents;

namespace Followthrough.Directives.Api;

/// <summary>A source document. <c>text</c> is the text the extractor read (null in lists); candidates' offsets point into it.</summary>
internal sealed record DocumentDto(
    int Id, DocumentKind Kind, string Title, DateOnly Date, string IssuingBody, string Language,
    string FileName, string ContentType, long SizeBytes, string Sha256, int Version, DateTime CreatedAt, string? Text)
{
    public static DocumentDto From(SourceDocument d, bool withText)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Id, d.Kind, d.Title, d.DocumentDate, d.IssuingBody, d.Language, d.FileName, d.ContentType, d.SizeBytes, d.Sha256,
            d.Version, d.CreatedAt, withText ? d.Text : null);
    }
}

/// <summary>Pasted text to take in as a document.</summary>
internal sealed record DocumentTextRequest(DocumentKind? Kind, string? Title, DateOnly? Date, string? IssuingBody, string? Text);

internal sealed record CandidateActorDto(int Start, int End, string? Unit);

internal sealed record CandidateDeadlineDto(string Text, int Start, int End);

/// <summary>
/// A drafted directive: the sentence at [start, end) of the document's text, the task text (the sentence or the
/// clerk's edit), what the engine matched and what the clerk filled.
/// </summary>
internal sealed record CandidateDto(
    int Id, int DocumentId, int Start, int End, string Sentence, string Text,
    IReadOnlyList<CandidateActorDto> Actors, CandidateDeadlineDto? DeadlineFound, IReadOnlyList<string> Topics,
    CandidateStatus Status, int? LeadUnitId, IReadOnlyList<int> PartnerUnitIds, DateOnly? Deadline,
    int? SuggestedPlanItemId, int? PlanItemId, int? TaskId, int Version)
{
    public static CandidateDto From(DirectiveCandidate c, string documentText)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Id, c.DocumentId, c.StartOffset, c.EndOffset, Review.CandidateEdits.Slice(documentText, c.StartOffset, c.EndOffset), c.Text,
            [.. CandidateActors.Parse(c.Actors).Select(a => new CandidateActorDto(a.Start, a.End, a.Unit))],
            c.DeadlineText is { } text && c.DeadlineStart is { } start && c.DeadlineEnd is { } end ? new CandidateDeadlineDto(text, start, end) : null,
            c.Topics.Split(',', StringSplitOptions.RemoveEmptyEntries),
            c.Status, c.LeadUnitId, CandidateActors.ParseIds(c.PartnerUnitIds), c.Deadline, c.SuggestedPlanItemId, c.PlanItemId, c.TaskId, c.Version);
    }
}

/// <summary>
/// The review of one candidate, replaced whole: status (Pending, Accepted, Rejected; null keeps it), task text (null
/// keeps it), lead unit, co-operating units, deadline and plan item (as sent; null clears). Version as read.
/// </summary>
internal sealed record CandidateRequest(
    int? Version, CandidateStatus? Status, string? Text, int? LeadUnitId, IReadOnlyList<int>? PartnerUnitIds, DateOnly? Deadline, int? PlanItemId);

internal sealed record CandidateVersionRequest(int? Version);

/// <summary>Split the candidate <c>at</c> characters (UTF-16 code units) into its sentence.</summary>
internal sealed record CandidateSplitRequest(int? Version, int? At);

/// <summary>The tasks made: each accepted candidate with its new task.</summary>
internal sealed record CreatedTaskDto(int CandidateId, int TaskId);
