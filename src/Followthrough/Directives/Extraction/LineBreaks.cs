namespace Followthrough.Directives.Extraction;

/// <summary>One line of the text, and where its visible content starts and ends (indentation and trailing spaces aside).</summary>
internal readonly record struct TextLine(int Start, int End, int ContentStart, int ContentEnd)
{
    public bool IsBlank => ContentEnd <= ContentStart;

    public int Length => ContentEnd - ContentStart;
}

/// <summary>What a line break means to the segmenter.</summary>
internal enum LineBreak
{
    Join,
    Line,
    Paragraph,
}

/// <summary>
/// Reads the lines of a text and decides which breaks are real (headings, list items, a paragraph per line) and
/// which only wrap a sentence, so that hard-wrapped documents are read as running text.
/// </summary>
internal static class LineBreaks
{
    /// <summary>The lines of the text; CRLF, CR, LF, U+2028 and U+2029 all end a line.</summary>
    public static List<TextLine> ReadLines(string text)
    {
        var lines = new List<TextLine>();
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

            lines.Add(new TextLine(start, i, contentStart, contentEnd));
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
    public static LineBreak[] Decide(string text, List<TextLine> lines)
    {
        var breaks = new LineBreak[lines.Count];
        var wrapWidth = WrapWidth(lines);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var next = i + 1 < lines.Count ? lines[i + 1] : default;
            if (line.IsBlank || i + 1 >= lines.Count || next.IsBlank)
            {
                breaks[i] = LineBreak.Paragraph;
                continue;
            }

            breaks[i] = Joins(text, line, next, wrapWidth) ? LineBreak.Join : LineBreak.Line;
        }

        return breaks;
    }

    private static bool Joins(string text, TextLine line, TextLine next, int wrapWidth)
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

    private static bool EndsWithFullStop(string text, TextLine line)
    {
        var i = line.ContentEnd - 1;
        while (i > line.ContentStart && CharClass.IsCloser(text[i]))
        {
            i--;
        }

        return text[i] is '.' or '…' or '。' or '！' or '？' or '!' or '?';
    }

    /// <summary>"Lead unit: ...", "完成时限：...": a field label opening a line marks a new record line, not a wrap.</summary>
    private static bool StartsWithLabel(string text, TextLine line)
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
    private static int WrapWidth(List<TextLine> lines)
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
}
