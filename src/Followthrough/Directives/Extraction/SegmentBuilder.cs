namespace Followthrough.Directives.Extraction;

/// <summary>Why the segmenter cut a segment where it did.</summary>
internal enum SegmentCut
{
    Sentence,
    Clause,
    Enumeration,
    Line,
    Paragraph,
}

/// <summary>Collects segments and paragraphs while the scanner cuts.</summary>
internal sealed class SegmentBuilder(string text, List<TextLine> lines)
{
    private int _paragraphStart = -1;
    private int _paragraphFirstSegment;
    private int _paragraphSentences;
    private int _sentence = -1;
    private bool _sentenceOpen;

    public List<Segment> Segments { get; } = [];

    public List<Paragraph> Paragraphs { get; } = [];

    public void Emit(int from, int to, SegmentCut cut)
    {
        while (from < to && CharClass.IsSpace(text[from]))
        {
            from++;
        }

        while (to > from && CharClass.IsSpace(text[to - 1]))
        {
            to--;
        }

        if (to <= from)
        {
            if (cut is SegmentCut.Sentence or SegmentCut.Line or SegmentCut.Paragraph)
            {
                _sentenceOpen = false;
            }

            return;
        }

        var shape = SegmentShape.None;
        if (!_sentenceOpen)
        {
            shape |= SegmentShape.SentenceStart;
            _sentence++;
            _paragraphSentences++;
        }

        if (_paragraphStart < 0)
        {
            shape |= SegmentShape.ParagraphStart;
            _paragraphStart = from;
            _paragraphFirstSegment = Segments.Count;
        }

        var last = to - 1;
        while (last > from && CharClass.IsCloser(text[last]))
        {
            last--;
        }

        var final = text[last];
        if (cut is SegmentCut.Sentence or SegmentCut.Clause)
        {
            shape |= SegmentShape.Terminated;
        }

        if (final is '?' or '？')
        {
            shape |= SegmentShape.Question;
        }
        else if (final is ':' or '：')
        {
            shape |= SegmentShape.LeadIn;
        }

        var startLine = LineOf(from);
        if (from == lines[startLine].ContentStart)
        {
            shape |= SegmentShape.StartsLine;
        }

        if (cut is SegmentCut.Line or SegmentCut.Paragraph || IsRestOfLineBlank(to))
        {
            shape |= SegmentShape.EndsLine;
        }

        var marker = Markers.Match(text, from, to, atLineStart: (shape & SegmentShape.StartsLine) != 0, afterColon: true);
        var bodyStart = from + marker.Length;
        shape |= marker.Kind;
        while (bodyStart < to && CharClass.IsSpace(text[bodyStart]))
        {
            bodyStart++;
        }

        Segments.Add(new Segment(new TextSpan(from, to), bodyStart, Paragraphs.Count, _sentence, shape));
        _sentenceOpen = cut is SegmentCut.Clause or SegmentCut.Enumeration;
    }

    public void EndParagraph()
    {
        _sentenceOpen = false;
        if (_paragraphStart < 0)
        {
            return;
        }

        var lastIndex = Segments.Count - 1;
        var last = Segments[lastIndex];
        Segments[lastIndex] = last with { Shape = last.Shape | SegmentShape.ParagraphEnd };
        Paragraphs.Add(new Paragraph(
            new TextSpan(_paragraphStart, last.Span.End),
            _paragraphFirstSegment,
            Segments.Count - _paragraphFirstSegment,
            _paragraphSentences));
        _paragraphStart = -1;
        _paragraphSentences = 0;
    }

    private bool IsRestOfLineBlank(int to)
    {
        for (var i = to; i < text.Length; i++)
        {
            if (CharClass.IsLineBreak(text[i]))
            {
                return true;
            }

            if (!CharClass.IsInlineSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private int LineOf(int position)
    {
        int lo = 0, hi = lines.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (lines[mid].Start <= position)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }
}
