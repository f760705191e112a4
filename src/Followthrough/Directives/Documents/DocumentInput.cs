namespace Followthrough.Directives.Documents;

/// <summary>A document as the supervision office gives it: the facts about it and either pasted text or a file.</summary>
internal sealed record DocumentInput
{
    public DocumentKind? Kind { get; init; }

    public string? Title { get; init; }

    public DateOnly? Date { get; init; }

    public string? IssuingBody { get; init; }

    /// <summary>Pasted text; ignored when a file is given.</summary>
    public string? Text { get; init; }

    public string? FileName { get; init; }

    public byte[]? File { get; init; }
}
