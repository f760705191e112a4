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
    public static SegmentedText Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = LineBreaks.ReadLines(text);
        var breaks = LineBreaks.Decide(text, lines);
        var builder = new SegmentBuilder(text, lines);

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
                        builder.Emit(segmentStart, pos, SegmentCut.Enumeration);
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

                var end = SentenceEnds.TerminatorEnd(text, pos, line.ContentEnd, out var cut);
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
            if (lineBreak == LineBreak.Join)
            {
                continue;
            }

            if (segmentStart >= 0)
            {
                builder.Emit(segmentStart, line.ContentEnd, lineBreak == LineBreak.Paragraph ? SegmentCut.Paragraph : SegmentCut.Line);
                segmentStart = -1;
            }

            if (lineBreak == LineBreak.Paragraph)
            {
                builder.EndParagraph();
            }
        }

        builder.EndParagraph();
        return new SegmentedText(text, builder.Segments, builder.Paragraphs);
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
}
