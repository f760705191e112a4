namespace Followthrough.Directives.Extraction;

/// <summary>How a segment sits in the document's layout; the detector uses it to tell headings from sentences.</summary>
[Flags]
internal enum SegmentShape
{
    None = 0,

    /// <summary>Ends with a sentence terminator or clause separator (。！？；.!?;), perhaps inside quotes.</summary>
    Terminated = 1,

    /// <summary>Ends with a question mark.</summary>
    Question = 2,

    /// <summary>Ends with a colon: a lead-in such as "会议要求：" or "the following requirements:".</summary>
    LeadIn = 4,

    /// <summary>Begins where its line begins (after indentation).</summary>
    StartsLine = 8,

    /// <summary>Nothing but spaces follows it on its line, and the line break there is a real one.</summary>
    EndsLine = 16,

    /// <summary>Opens with an enumeration marker: 一是, （一）, (1), 1., 第一，, First, ...</summary>
    Enumerated = 32,

    /// <summary>Opens with a bullet (-, •, ·, ●).</summary>
    Bulleted = 64,

    /// <summary>The first segment of its sentence (later ones were split off at ；/; or an enumeration marker).</summary>
    SentenceStart = 128,

    /// <summary>The first segment of its paragraph.</summary>
    ParagraphStart = 256,

    /// <summary>The last segment of its paragraph.</summary>
    ParagraphEnd = 512,

    /// <summary>Opens with a numbering style used for headings (一、 （一） 1. I.), not an inline 一是 or First,.</summary>
    HeadingNumber = 1024,
}

/// <summary>
/// A sentence or clause: <see cref="Span"/> covers it from its first to its last visible character (enumeration
/// marker and final punctuation included); <see cref="BodyStart"/> is where its words begin after the marker.
/// </summary>
internal readonly record struct Segment(TextSpan Span, int BodyStart, int Paragraph, int Sentence, SegmentShape Shape)
{
    public bool Has(SegmentShape shape) => (Shape & shape) == shape;

    public TextSpan Body => new(BodyStart, Span.End);
}

/// <summary>A paragraph: a run of lines between blank lines (or one line, when lines are not hard-wrapped).</summary>
internal readonly record struct Paragraph(TextSpan Span, int FirstSegment, int SegmentCount, int SentenceCount);

/// <summary>The document cut into segments and paragraphs, in document order.</summary>
internal sealed record SegmentedText(string Text, IReadOnlyList<Segment> Segments, IReadOnlyList<Paragraph> Paragraphs);
