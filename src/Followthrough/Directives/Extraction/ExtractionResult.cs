namespace Followthrough.Directives.Extraction;

/// <summary>Who a directive names: a registry unit (<see cref="Unit"/> is its code) or a generic actor (null).</summary>
public sealed record ExtractedActor(string Text, TextSpan Span, string? Unit, string? UnitName);

/// <summary>The directive's time limit as written, and the day it resolves to (null when it cannot be resolved).</summary>
public sealed record ExtractedDeadline(string Text, TextSpan Span, DateOnly? Date);

/// <summary>A figure the directive mentions: the number as written and the unit or thing counted after it.</summary>
public sealed record ExtractedQuantity(string Text, TextSpan Span, decimal Value, string Unit);

/// <summary>
/// A candidate task: the exact words it came from (<see cref="Text"/> is <c>document[Span]</c>), who is named,
/// by when, which figures and which fields of work it touches.
/// </summary>
public sealed record ExtractedDirective(
    string Text,
    TextSpan Span,
    IReadOnlyList<ExtractedActor> Actors,
    ExtractedDeadline? Deadline,
    IReadOnlyList<ExtractedQuantity> Quantities,
    IReadOnlyList<string> Topics);

/// <summary>What the extractor found in one document, in document order.</summary>
public sealed record ExtractionResult(DocumentLanguage Language, IReadOnlyList<ExtractedDirective> Directives);
