namespace Followthrough.Directives.Extraction;

/// <summary>
/// Where a sentence or clause ends: the punctuation of both languages (。！？；… and . ! ? ;), with the full stops
/// that do not end a sentence (abbreviations, initials, decimals such as 2.85%) and the closing quotes that belong
/// to it.
/// </summary>
internal static class SentenceEnds
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vol", "art", "arts", "para", "paras", "fig", "figs", "sec",
        "ch", "dept", "govt", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "vs", "approx", "est", "ref", "refs", "tel", "fax", "ext", "pp", "jr", "sr", "gen", "rev", "cf",
        "viz", "resp", "ave", "rd", "mt", "ft", "hon",
    };

    /// <summary>
    /// If a sentence or clause ends at <paramref name="pos"/>, where the segment ends (after any closing quotes);
    /// otherwise 0.
    /// </summary>
    public static int TerminatorEnd(string text, int pos, int lineEnd, out SegmentCut cut)
    {
        cut = SegmentCut.Sentence;
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
                cut = SegmentCut.Clause;
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
}
