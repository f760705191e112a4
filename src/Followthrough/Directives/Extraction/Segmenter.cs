namespace Followthrough.Directives.Extraction;

/// <summary>
/// Cuts a document into sentences and clauses, in one pass and without regular expressions. It knows the
/// punctuation of both languages (。！？；… and . ! ? ;), full stops that do not end sentences (abbreviations,
/// decimals such as 2.85%, "No. 3"), closing quotes, enumerations ("一是……二是……", "（一）", "1.", "(1)",
/// "第一，", "First, ..."), headings on their own line, and text that is hard-wrapped mid-sentence or has no line
/// breaks at all. Offsets are those of the original text; nothing is copied or normalised.
/// </summary>
internal static class Segmenter
{
    private enum Cut
    {
        Sentence,
        Clause,
        Enumeration,
        Line,
        Paragraph,
    }

    private enum Break
    {
        Join,
        Line,
        Paragraph,
    }

    private readonly record struct Line(int Start, int End, int ContentStart, int ContentEnd)
    {
        public bool IsBlank => ContentEnd <= ContentStart;

        public int Length => ContentEnd - ContentStart;
    }

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vol", "art", "arts", "para", "paras", "fig", "figs", "sec",
        "ch", "dept", "govt", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "vs", "approx", "est", "ref", "refs", "tel", "fax", "ext", "pp", "jr", "sr", "gen", "rev", "cf",
        "viz", "resp", "ave", "rd", "mt", "ft", "hon",
    };

    public static SegmentedText Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = ReadLines(text);
        var breaks = DecideBreaks(text, lines);
        var builder = new Builder(text, lines);

        var segmentStart = -1;
        for (var li = 0; li < lines.Count; li++)
        {
            var line = lines[li];
            if (line.IsBlank)
            {
                continue;
            }

            var pos = line.ContentStart;
            while (pos < line.ContentEnd)
            {
                if (segmentStart < 0)
                {
                    segmentStart = pos;
                }

                // An enumeration marker opens a new segment when it follows a clause boundary.
                if (pos > segmentStart && MayOpenItem(text, segmentStart, pos, line.ContentStart))
                {
                    var marker = Markers.Match(text, pos, line.ContentEnd, atLineStart: pos == line.ContentStart, afterColon: PreviousVisible(text, pos) is ':' or '：' or '；' or ';' or '。');
                    if (marker.Length > 0 && !marker.Kind.HasFlag(SegmentShape.Bulleted))
                    {
                        builder.Emit(segmentStart, pos, Cut.Enumeration);
                        segmentStart = pos;
                    }
                }

                if (pos == segmentStart)
                {
                    // Step over a marker at the start so "1." or "(2)" is not read as a full stop or a sentence.
                    var marker = Markers.Match(text, pos, line.ContentEnd, atLineStart: pos == line.ContentStart, afterColon: true);
                    if (marker.Length > 0)
                    {
                        pos += marker.Length;
                        continue;
                    }
                }

                var end = TerminatorEnd(text, pos, line.ContentEnd, out var cut);
                if (end > 0)
                {
                    builder.Emit(segmentStart, end, cut);
                    segmentStart = -1;
                    pos = end;
                    continue;
                }

                pos++;
            }

            var lineBreak = breaks[li];
            if (lineBreak == Break.Join)
            {
                continue;
            }

            if (segmentStart >= 0)
            {
                builder.Emit(segmentStart, line.ContentEnd, lineBreak == Break.Paragraph ? Cut.Paragraph : Cut.Line);
                segmentStart = -1;
            }

            if (lineBreak == Break.Paragraph)
            {
                builder.EndParagraph();
            }
        }

        builder.EndParagraph();
        return new SegmentedText(text, builder.Segments, builder.Paragraphs);
    }

    /// <summary>The lines of the text; CRLF, CR, LF, U+2028 and U+2029 all end a line.</summary>
    private static List<Line> ReadLines(string text)
    {
        var lines = new List<Line>();
        var start = 0;
        var i = 0;
        while (true)
        {
            while (i < text.Length && !CharClass.IsLineBreak(text[i]))
            {
                i++;
            }

            var contentStart = start;
            while (contentStart < i && CharClass.IsSpace(text[contentStart]))
            {
                contentStart++;
            }

            var contentEnd = i;
            while (contentEnd > contentStart && CharClass.IsSpace(text[contentEnd - 1]))
            {
                contentEnd--;
            }

            lines.Add(new Line(start, i, contentStart, contentEnd));
            if (i >= text.Length)
            {
                break;
            }

            i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
            start = i;
        }

        return lines;
    }

    /// <summary>
    /// What each line break means. A blank line ends a paragraph. A single break is a real one (a heading, a list
    /// item, a paragraph per line) unless the text is hard-wrapped and the line runs to the wrap width without
    /// ending its sentence, or an English line is followed by one starting in lower case.
    /// </summary>
    private static Break[] DecideBreaks(string text, List<Line> lines)
    {
        var breaks = new Break[lines.Count];
        var wrapWidth = WrapWidth(lines);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var next = i + 1 < lines.Count ? lines[i + 1] : default;
            if (line.IsBlank || i + 1 >= lines.Count || next.IsBlank)
            {
                breaks[i] = Break.Paragraph;
                continue;
            }

            breaks[i] = Joins(text, line, next, wrapWidth) ? Break.Join : Break.Line;
        }

        return breaks;
    }

    private static bool Joins(string text, Line line, Line next, int wrapWidth)
    {
        var last = text[line.ContentEnd - 1];
        if (CharClass.IsStrongTerminator(last) || CharClass.IsClauseSeparator(last) || last is ':' or '：' || EndsWithFullStop(text, line))
        {
            return false;
        }

        if (Markers.Match(text, next.ContentStart, next.ContentEnd, atLineStart: true, afterColon: true).Length > 0 || StartsWithLabel(text, next))
        {
            return false;
        }

        if (wrapWidth > 0 && line.Length * 4 >= wrapWidth * 3)
        {
            return true;
        }

        // An English sentence carried over to a line that starts in lower case.
        var first = text[next.ContentStart];
        return first is >= 'a' and <= 'z' && CharClass.IsWordChar(last) | last is ',' or '-' or '"' or '\'' or ')';
    }

    private static bool EndsWithFullStop(string text, Line line)
    {
        var i = line.ContentEnd - 1;
        while (i > line.ContentStart && CharClass.IsCloser(text[i]))
        {
            i--;
        }

        return text[i] is '.' or '…' or '。' or '！' or '？' or '!' or '?';
    }

    /// <summary>"Lead unit: ...", "完成时限：...": a field label opening a line marks a new record line, not a wrap.</summary>
    private static bool StartsWithLabel(string text, Line line)
    {
        var limit = Math.Min(line.ContentEnd, line.ContentStart + 32);
        var words = 1;
        for (var i = line.ContentStart; i < limit; i++)
        {
            var c = text[i];
            if (c is ':' or '：')
            {
                return i > line.ContentStart && (CharClass.IsHan(text[i - 1]) ? i - line.ContentStart <= 8 : words <= 4);
            }

            if (c == ' ')
            {
                words++;
            }
            else if (!CharClass.IsWordChar(c) && !CharClass.IsHan(c) && c is not '-' and not '\'')
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// The width a hard-wrapped text was wrapped at, or 0 when lines are not wrapped. Wrapped text has many lines
    /// of nearly the same, modest length that continue on the next line.
    /// </summary>
    private static int WrapWidth(List<Line> lines)
    {
        var lengths = new List<int>();
        var continuing = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].IsBlank)
            {
                continue;
            }

            lengths.Add(lines[i].Length);
            if (i + 1 < lines.Count && !lines[i + 1].IsBlank)
            {
                continuing++;
            }
        }

        if (lengths.Count < 3 || continuing < 2)
        {
            return 0;
        }

        lengths.Sort();
        var width = lengths[(int)((lengths.Count - 1) * 0.9)];
        if (width > 160 || width < 16)
        {
            return 0;
        }

        var full = 0;
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            if (!lines[i].IsBlank && !lines[i + 1].IsBlank && lines[i].Length * 5 >= width * 4)
            {
                full++;
            }
        }

        return full >= 2 && full * 10 >= continuing * 3 ? width : 0;
    }

    /// <summary>
    /// If a sentence or clause ends at <paramref name="pos"/>, where the segment ends (after any closing quotes);
    /// otherwise 0.
    /// </summary>
    private static int TerminatorEnd(string text, int pos, int lineEnd, out Cut cut)
    {
        cut = Cut.Sentence;
        var c = text[pos];
        switch (c)
        {
            case '。' or '！' or '？' or '｡':
                return AfterClosers(text, RunEnd(text, pos, lineEnd), lineEnd);
            case '!' or '?':
                {
                    var end = AfterClosers(text, RunEnd(text, pos, lineEnd), lineEnd);
                    return end >= lineEnd || CharClass.IsSpace(text[end]) || CharClass.IsHan(text[end]) ? end : 0;
                }

            case '；' or ';':
                cut = Cut.Clause;
                return c == ';' && IsHtmlEntity(text, pos) ? 0 : AfterClosers(text, pos + 1, lineEnd);
            case '…':
                return EllipsisEnd(text, pos, lineEnd, RunEnd(text, pos, lineEnd));
            case '.':
                if (pos + 1 < lineEnd && text[pos + 1] == '.')
                {
                    var run = pos;
                    while (run < lineEnd && text[run] == '.')
                    {
                        run++;
                    }

                    return run - pos >= 3 ? EllipsisEnd(text, pos, lineEnd, run) : 0;
                }

                return IsFullStop(text, pos, lineEnd) ? AfterClosers(text, pos + 1, lineEnd) : 0;
            default:
                return 0;
        }
    }

    private static int RunEnd(string text, int pos, int lineEnd)
    {
        var i = pos + 1;
        while (i < lineEnd && text[i] is '。' or '！' or '？' or '!' or '?' or '…' or '｡')
        {
            i++;
        }

        return i;
    }

    private static int AfterClosers(string text, int pos, int lineEnd)
    {
        var i = pos;
        while (i < lineEnd && CharClass.IsCloser(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>An ellipsis ends a sentence only at the end of a line or before a new English sentence.</summary>
    private static int EllipsisEnd(string text, int pos, int lineEnd, int runEnd)
    {
        var end = AfterClosers(text, runEnd, lineEnd);
        while (end < lineEnd && text[end] is '。' or '.')
        {
            end++;
        }

        end = AfterClosers(text, end, lineEnd);
        if (end >= lineEnd)
        {
            return end;
        }

        if (text[end] == ' ')
        {
            var next = end;
            while (next < lineEnd && text[next] == ' ')
            {
                next++;
            }

            return next < lineEnd && text[next] is >= 'A' and <= 'Z' ? end : 0;
        }

        return pos > 0 && text[pos - 1] is '。' ? end : 0;
    }

    /// <summary>
    /// Whether the full stop at <paramref name="pos"/> ends a sentence: not inside a number (2.85), not after an
    /// abbreviation or an initial (No. 3, Dr. Li, e.g.), and followed by a space, a line end or Chinese text, then
    /// not by a lower-case word.
    /// </summary>
    private static bool IsFullStop(string text, int pos, int lineEnd)
    {
        if (pos > 0 && pos + 1 < text.Length && CharClass.IsAsciiDigit(text[pos - 1]) && CharClass.IsAsciiDigit(text[pos + 1]))
        {
            return false;
        }

        var after = AfterClosers(text, pos + 1, lineEnd);
        if (after < lineEnd && !CharClass.IsSpace(text[after]) && !CharClass.IsHan(text[after]))
        {
            return false;
        }

        var wordStart = pos;
        while (wordStart > 0 && pos - wordStart < 16 && CharClass.IsAsciiLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        var wordLength = pos - wordStart;
        var atLineEnd = after >= lineEnd;
        if (wordLength > 0 && !atLineEnd)
        {
            if (Abbreviations.Contains(text.AsSpan(wordStart, wordLength).ToString()))
            {
                return false;
            }

            // Initials and dotted abbreviations: "J. Smith", "e.g.", "U.S.".
            if (wordLength == 1 && (char.IsUpper(text[wordStart]) || (wordStart > 0 && text[wordStart - 1] == '.')))
            {
                return false;
            }
        }

        var next = after;
        while (next < lineEnd && CharClass.IsInlineSpace(text[next]))
        {
            next++;
        }

        return next >= lineEnd || text[next] is not (>= 'a' and <= 'z');
    }

    private static bool IsHtmlEntity(string text, int pos)
    {
        for (var i = pos - 1; i >= 0 && pos - i <= 8; i--)
        {
            var c = text[i];
            if (c == '&')
            {
                return i < pos - 1;
            }

            if (!CharClass.IsAsciiLetter(c) && !CharClass.IsAsciiDigit(c) && c != '#')
            {
                return false;
            }
        }

        return false;
    }

    private static char PreviousVisible(string text, int pos)
    {
        for (var i = pos - 1; i >= 0; i--)
        {
            if (!CharClass.IsSpace(text[i]))
            {
                return text[i];
            }
        }

        return '\0';
    }

    /// <summary>An item can open mid-sentence only right after a comma, colon or semicolon, or at a line start.</summary>
    private static bool MayOpenItem(string text, int segmentStart, int pos, int lineStart)
    {
        if (pos == lineStart)
        {
            return true;
        }

        // No marker starts with a space; checking here also keeps a long run of spaces from being re-scanned.
        if (CharClass.IsSpace(text[pos]))
        {
            return false;
        }

        // "一是……二是……": an ellipsis standing for the item's words also closes it.
        var previous = PreviousVisible(text, pos);
        return previous is '，' or ',' or '：' or ':' or '；' or ';' or '…' && pos - 1 >= segmentStart;
    }

    /// <summary>Collects segments and paragraphs while the scanner cuts.</summary>
    private sealed class Builder(string text, List<Line> lines)
    {
        private int _paragraphStart = -1;
        private int _paragraphFirstSegment;
        private int _paragraphSentences;
        private int _sentence = -1;
        private bool _sentenceOpen;

        public List<Segment> Segments { get; } = [];

        public List<Paragraph> Paragraphs { get; } = [];

        public void Emit(int from, int to, Cut cut)
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
                if (cut is Cut.Sentence or Cut.Line or Cut.Paragraph)
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
            if (cut is Cut.Sentence or Cut.Clause)
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

            if (cut is Cut.Line or Cut.Paragraph || IsRestOfLineBlank(to))
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
            _sentenceOpen = cut is Cut.Clause or Cut.Enumeration;
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
}
