namespace Followthrough.Directives.Extraction;

/// <summary>
/// A stretch of the document: <see cref="Start"/> inclusive, <see cref="End"/> exclusive, both in UTF-16 code
/// units of the text exactly as read, so that <c>text[Start..End]</c> is the words a candidate came from.
/// </summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool IsEmpty => End <= Start;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    public string Slice(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text[Start..End];
    }

    public override string ToString() => $"{Start}..{End}";
}
