namespace Followthrough.Directives.Extraction;

/// <summary>Reads characters from a position, never past the sentence's end.</summary>
internal struct ChineseReader(string text, int position, int limit)
{
    public int Position { get; private set; } = position;

    public readonly char Peek() => Position < limit ? text[Position] : '\0';

    public bool Take(string value)
    {
        if (Position + value.Length > limit || string.CompareOrdinal(text, Position, value, 0, value.Length) != 0)
        {
            return false;
        }

        Position += value.Length;
        return true;
    }

    public bool Skip(int count)
    {
        if (Position + count > limit)
        {
            return false;
        }

        Position += count;
        return true;
    }

    public bool Number(out long value)
    {
        value = 0;
        if (Position >= limit)
        {
            return false;
        }

        var read = Numerals.Read(text, Position, limit, out value);
        if (read == 0)
        {
            return false;
        }

        Position += read;
        return true;
    }
}
