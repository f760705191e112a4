using System.Runtime.CompilerServices;

namespace Followthrough.Directives.Extraction;

/// <summary>Character tests shared by the segmenter and the finders; all work on single UTF-16 code units.</summary>
internal static class CharClass
{
    /// <summary>CJK ideographs (unified, extension A, compatibility): what makes a text Chinese.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsHan(char c) =>
        (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\uF900' && c <= '\uFAFF') || c == '〇';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;

    /// <summary>A digit, ASCII or full-width (Chinese texts often use ０-９).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(char c) => (uint)(c - '0') <= 9 || (uint)(c - '０') <= 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int DigitValue(char c) => c <= '9' ? c - '0' : c - '０';

    /// <summary>
    /// Folds a character for matching: ASCII and Latin letters to lower case, full-width ASCII forms to ASCII,
    /// curly apostrophes to the straight one. One code unit in, one out, so offsets never move.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Fold(char c)
    {
        if (c < 128)
        {
            return (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
        }

        return FoldSlow(c);
    }

    private static char FoldSlow(char c)
    {
        if (c >= '\uFF01' && c <= '\uFF5E')
        {
            return Fold((char)(c - 0xFEE0));
        }

        return c switch
        {
            '\u2019' or '\u2018' => '\'',
            '\u00A0' or '\u3000' => ' ',
            _ => c < '\u0250' ? char.ToLowerInvariant(c) : c,
        };
    }

    /// <summary>Part of a Latin word or number, for whole-word matching.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(char c) =>
        c < 128 ? IsAsciiLetter(c) || IsAsciiDigit(c) : (c >= '\u00C0' && c < '\u0250') || (c >= '\uFF10' && c <= '\uFF5A' && char.IsLetterOrDigit(c));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSpace(char c) => c == ' ' || c == '\t' || c == '\u3000' || c == '\u00A0' || c == '\r' || c == '\n' || c == '\f' || c == '\v' || c == '\u2028' || c == '\u2029';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLineBreak(char c) => c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';

    /// <summary>Inline space: everything <see cref="IsSpace"/> accepts except line breaks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsInlineSpace(char c) => c == ' ' || c == '\t' || c == '\u3000' || c == '\u00A0' || c == '\f' || c == '\v';

    /// <summary>Ends a sentence in either language (the full stop needs more checks, see the segmenter).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsStrongTerminator(char c) => c is '。' or '！' or '？' or '!' or '?' or '｡';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsClauseSeparator(char c) => c == '；' || c == ';';

    /// <summary>Closing quotes and brackets that belong to the sentence they close.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsCloser(char c) => c is '”' or '’' or '」' or '』' or '）' or ')' or ']' or '】' or '》' or '〉' or '"' or '\'';
}
