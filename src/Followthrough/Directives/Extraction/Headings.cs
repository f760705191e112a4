namespace Followthrough.Directives.Extraction;

/// <summary>
/// Tells headings from sentences (a line without a full stop, a numbered short sentence, a one-sentence paragraph
/// before a long one), what tense a heading gives its section, and whether a lead-in announces requirements.
/// </summary>
internal static class Headings
{
    private static readonly string[] HeadingNouns =
    [
        "事项", "情况", "问题", "工作", "要求", "任务", "措施", "意见", "安排", "建议", "matters", "issues", "items", "measures",
        "requirements", "tasks", "arrangements", "responsibilities", "follow-up", "progress", "findings", "problems",
        "suggestions", "work",
    ];

    public static bool EndsWithHeadingNoun(string text, TextSpan span)
    {
        var words = text.AsSpan(span.Start, span.Length).TrimEnd();
        foreach (var noun in HeadingNouns)
        {
            if (words.EndsWith(noun, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        // "需跟踪落实的事项": a noun phrase closed by 的 + noun.
        var de = words.LastIndexOf('的');
        return de >= 0 && words.Length - de <= 5 && de > 0;
    }

    public static bool AnnouncesRequirements(string text, TextSpan span)
    {
        var words = text.AsSpan(span.Start, span.Length);
        return words.Contains("要求", StringComparison.Ordinal) || words.Contains("require", StringComparison.OrdinalIgnoreCase)
            || words.Contains("落实", StringComparison.Ordinal) || words.Contains("跟踪", StringComparison.Ordinal)
            || words.Contains("督办", StringComparison.Ordinal) || words.Contains("follow-up", StringComparison.OrdinalIgnoreCase)
            || words.Contains("follow up", StringComparison.OrdinalIgnoreCase) || words.Contains("action items", StringComparison.OrdinalIgnoreCase)
            || words.Contains("任务", StringComparison.Ordinal) || words.Contains("措施", StringComparison.Ordinal)
            || words.Contains("强调", StringComparison.Ordinal) || words.Contains("tasks", StringComparison.OrdinalIgnoreCase)
            || words.Contains("measures", StringComparison.OrdinalIgnoreCase) || words.Contains("stressed", StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsUnterminatedLine(Segment segment) =>
        segment.Has(SegmentShape.StartsLine | SegmentShape.EndsLine)
        && !segment.Has(SegmentShape.Terminated) && !segment.Has(SegmentShape.Bulleted) && !segment.Has(SegmentShape.LeadIn);

    /// <summary>"（一）着力建设创新高地。" or "(1) Building a strong innovation base." followed by its body text.</summary>
    public static bool IsInlineHeading(SegmentedText document, int index, Segment segment, Evidence e, bool chinese)
    {
        if (!segment.Has(SegmentShape.HeadingNumber) || !segment.Has(SegmentShape.SentenceStart) || e.AnyStrong || e.DeadlineCue || e.UnitActor)
        {
            return false;
        }

        if (index + 1 >= document.Segments.Count)
        {
            return false;
        }

        var next = document.Segments[index + 1];
        if (next.Paragraph != segment.Paragraph || next.Has(SegmentShape.Enumerated))
        {
            return false;
        }

        return IsShort(document.Text, segment.Body, chinese, 12, 20) && !HasComma(document.Text, segment.Body);
    }

    /// <summary>
    /// A one-sentence paragraph, short, followed by a much longer paragraph of several sentences: a section
    /// heading written as a sentence ("Adhere to green development, build ...").
    /// </summary>
    public static bool IsParagraphHeading(SegmentedText document, Segment segment, Evidence e, bool chinese)
    {
        if (e.Strong || e.UnitActor || e.DeadlineCue || document.Paragraphs.Count < 4)
        {
            return false;
        }

        var paragraph = document.Paragraphs[segment.Paragraph];
        if (paragraph.SegmentCount != 1 || segment.Paragraph + 1 >= document.Paragraphs.Count || !IsShort(document.Text, segment.Body, chinese, 40, 60))
        {
            return false;
        }

        var next = document.Paragraphs[segment.Paragraph + 1];
        return next.SentenceCount >= 3 && next.Span.Length >= 3 * paragraph.Span.Length;
    }

    private static bool IsShort(string text, TextSpan span, bool chinese, int words, int han)
    {
        var count = 0;
        for (var i = span.Start; i < span.End; i++)
        {
            var c = text[i];
            count += chinese ? (CharClass.IsHan(c) ? 1 : 0) : (c == ' ' ? 1 : 0);
        }

        return chinese ? count <= han : count + 1 <= words;
    }

    private static bool HasComma(string text, TextSpan span)
    {
        for (var i = span.Start; i < span.End; i++)
        {
            if (text[i] is ',' or '，' or ';' or '；')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A heading sets the tense of the section under it: a review looks back, a plan of tasks ahead.</summary>
    public static Tense SectionTense(string text, Segment segment, Evidence e, int documentYear)
    {
        var heading = text.AsSpan(segment.Span.Start, segment.Span.Length);
        var past = e.PastAnchor || e.PastAtStart || heading.Contains("review", StringComparison.OrdinalIgnoreCase)
            || heading.Contains("回顾", StringComparison.Ordinal) || heading.Contains("总结", StringComparison.Ordinal)
            || heading.Contains("achievements", StringComparison.OrdinalIgnoreCase) || heading.Contains("成绩", StringComparison.Ordinal);
        var ahead = e.FutureAtStart || heading.Contains("task", StringComparison.OrdinalIgnoreCase)
            || heading.Contains("任务", StringComparison.Ordinal) || heading.Contains("安排", StringComparison.Ordinal)
            || heading.Contains("plan", StringComparison.OrdinalIgnoreCase) || heading.Contains("要求", StringComparison.Ordinal)
            || heading.Contains("requirement", StringComparison.OrdinalIgnoreCase) || heading.Contains("措施", StringComparison.Ordinal);
        var section = past && !ahead ? Tense.Past : ahead && !past ? Tense.Future : Tense.Neutral;
        if (YearIn(heading) is { } year)
        {
            section = year < documentYear ? Tense.Past : Tense.Future;
        }

        return section;
    }

    private static int? YearIn(ReadOnlySpan<char> heading)
    {
        for (var i = 0; i + 4 <= heading.Length; i++)
        {
            if (CharClass.IsAsciiDigit(heading[i]) && (i == 0 || !CharClass.IsAsciiDigit(heading[i - 1]))
                && CharClass.IsAsciiDigit(heading[i + 1]) && CharClass.IsAsciiDigit(heading[i + 2]) && CharClass.IsAsciiDigit(heading[i + 3])
                && (i + 4 == heading.Length || !CharClass.IsAsciiDigit(heading[i + 4])))
            {
                var year = int.Parse(heading.Slice(i, 4), provider: System.Globalization.CultureInfo.InvariantCulture);
                if (DeadlineContext.ValidYear(year))
                {
                    return year;
                }
            }
        }

        return null;
    }
}
