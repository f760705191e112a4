namespace Followthrough.Directives.Extraction;

/// <summary>Reads English words from a position, case-insensitively, never past the sentence's end.</summary>
internal struct EnglishCursor(string text, int position, int limit)
{
    private static readonly string[] OrdinalWords = ["first", "second", "third", "fourth"];

    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    public int Position { get; private set; } = position;

    public bool Word(string word)
    {
        var i = SkipSpaces();
        if (i + word.Length > limit || string.Compare(text, i, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return false;
        }

        var end = i + word.Length;
        if (CharClass.IsWordChar(word[^1]) && end < limit && CharClass.IsWordChar(text[end]))
        {
            return false;
        }

        Position = end;
        return true;
    }

    public bool Phrase(string[] phrase)
    {
        var saved = Position;
        foreach (var word in phrase)
        {
            if (!Word(word))
            {
                Position = saved;
                return false;
            }
        }

        return true;
    }

    public bool Comma()
    {
        var i = SkipSpaces();
        if (i < limit && text[i] == ',')
        {
            Position = i + 1;
            return true;
        }

        return false;
    }

    public bool Dash()
    {
        if (Position < limit && text[Position] == '-')
        {
            Position++;
            return true;
        }

        return false;
    }

    public void Quote()
    {
        var i = SkipSpaces();
        if (i < limit && text[i] is '"' or '“' or '”')
        {
            Position = i + 1;
        }
    }

    public bool Number(out int value)
    {
        value = 0;
        var i = SkipSpaces();
        if (i < limit && CharClass.IsDigit(text[i]))
        {
            var read = Numerals.Read(text, i, limit, out var number);
            if (read == 0 || number > 100000 || (i + read < limit && CharClass.IsWordChar(text[i + read])))
            {
                return false;
            }

            value = (int)number;
            Position = i + read;
            return true;
        }

        var end = i;
        while (end < limit && CharClass.IsAsciiLetter(text[end]))
        {
            end++;
        }

        var word = Numerals.EnglishWord(text.AsSpan(i, end - i));
        if (word <= 0)
        {
            return false;
        }

        value = word;
        Position = end;
        return true;
    }

    public bool Month(out int month)
    {
        month = 0;
        var i = SkipSpaces();
        var end = i;
        while (end < limit && CharClass.IsAsciiLetter(text[end]))
        {
            end++;
        }

        var word = text.AsSpan(i, end - i);
        if (word.Length < 3)
        {
            return false;
        }

        for (var m = 0; m < 12; m++)
        {
            var name = Months[m];
            var matches = word.Equals(name, StringComparison.OrdinalIgnoreCase)
                || (word.Length is 3 or 4 && name.AsSpan().StartsWith(word, StringComparison.OrdinalIgnoreCase) && (word.Length == 3 || word.Equals("sept", StringComparison.OrdinalIgnoreCase)));
            if (matches)
            {
                // "may" is a month only when a day or year goes with it, or a trigger plainly asks for a date.
                month = m + 1;
                Position = end < limit && text[end] == '.' && word.Length < name.Length ? end + 1 : end;
                return true;
            }
        }

        return false;
    }

    public bool Day(out int day)
    {
        day = 0;
        var i = SkipSpaces();
        long value = 0;
        var read = i < limit && CharClass.IsDigit(text[i]) ? Numerals.Read(text, i, limit, out value) : 0;
        if (read is 0 or > 2 || value is < 1 or > 31)
        {
            return false;
        }

        var end = i + read;
        if (end + 1 < limit && IsOrdinalSuffix(text.AsSpan(end, 2)))
        {
            end += 2;
        }

        if (end < limit && CharClass.IsWordChar(text[end]))
        {
            return false;
        }

        day = (int)value;
        Position = end;
        return true;
    }

    public bool Year(out int year)
    {
        year = 0;
        var i = SkipSpaces();
        if (i + 4 > limit)
        {
            return false;
        }

        var read = Numerals.Read(text, i, limit, out var value);
        if (read != 4 || !DeadlineContext.ValidYear((int)value) || (i + 4 < limit && CharClass.IsWordChar(text[i + 4])))
        {
            return false;
        }

        year = (int)value;
        Position = i + 4;
        return true;
    }

    public bool Ordinal(out int value)
    {
        value = 0;
        for (var n = 0; n < OrdinalWords.Length; n++)
        {
            if (Word(OrdinalWords[n]))
            {
                value = n + 1;
                return true;
            }
        }

        var i = SkipSpaces();
        long number = 0;
        var read = i < limit && CharClass.IsDigit(text[i]) ? Numerals.Read(text, i, limit, out number) : 0;
        if (read is 0 or > 2 || i + read + 2 > limit || !IsOrdinalSuffix(text.AsSpan(i + read, 2)))
        {
            return false;
        }

        if (i + read + 2 < limit && CharClass.IsWordChar(text[i + read + 2]))
        {
            return false;
        }

        value = (int)number;
        Position = i + read + 2;
        return true;
    }

    public bool QuarterCode(out int quarter)
    {
        quarter = 0;
        var i = SkipSpaces();
        if (i + 2 <= limit && text[i] is 'Q' or 'q' && text[i + 1] is >= '1' and <= '4' && (i + 2 == limit || !CharClass.IsWordChar(text[i + 2])))
        {
            quarter = text[i + 1] - '0';
            Position = i + 2;
            return true;
        }

        return false;
    }

    private static bool IsOrdinalSuffix(ReadOnlySpan<char> two) =>
        two.Equals("st", StringComparison.OrdinalIgnoreCase) || two.Equals("nd", StringComparison.OrdinalIgnoreCase)
        || two.Equals("rd", StringComparison.OrdinalIgnoreCase) || two.Equals("th", StringComparison.OrdinalIgnoreCase);

    private readonly int SkipSpaces()
    {
        var i = Position;
        while (i < limit && (text[i] == ' ' || text[i] == '\u00A0' || text[i] == '\t' || CharClass.IsLineBreak(text[i])))
        {
            i++;
        }

        return i;
    }
}
