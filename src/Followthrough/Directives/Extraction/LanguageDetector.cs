namespace Followthrough.Directives.Extraction;

/// <summary>The language of a document: the two the extractor reads, or neither.</summary>
public enum DocumentLanguage
{
    Unknown,
    English,
    Chinese,
}

/// <summary>
/// Tells Chinese from English from anything else by counting scripts in one pass: Han ideographs weigh more than
/// Latin letters (one ideograph carries about a word); kana, hangul, Cyrillic, Arabic and the like mean another
/// language; Latin text must read like English (its commonest words), not French, German or Spanish.
/// </summary>
public static class LanguageDetector
{
    private static readonly HashSet<string> English = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "of", "and", "to", "in", "is", "that", "for", "with", "on", "be", "will", "should", "by", "are", "as",
        "it", "this", "we", "was", "were", "from", "at", "an", "must", "has", "have", "all", "which", "their", "its",
        "shall", "more", "our", "not", "been", "into", "than", "also", "these", "such",
    };

    private static readonly HashSet<string> OtherLatin = new(StringComparer.OrdinalIgnoreCase)
    {
        // French, German, Spanish, Portuguese, Italian, Dutch: frequent words that English does not use.
        "le", "la", "les", "des", "du", "et", "est", "une", "pour", "que", "qui", "dans", "avec", "sur", "pas", "sont",
        "der", "die", "das", "und", "ist", "nicht", "mit", "von", "zu", "den", "ein", "eine", "für", "auf", "dem", "sich",
        "el", "los", "las", "y", "en", "por", "con", "para", "es", "una", "del", "al", "lo", "como", "más",
        "os", "não", "um", "uma", "da", "em", "na", "il", "di", "che", "è", "sono", "het", "een",
        "voor", "niet", "ook", "dat", "zijn", "wordt",
    };

    private const int SampledWords = 4096;

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> EnglishLookup = English.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OtherLookup = OtherLatin.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The language the text is written in, or <see cref="DocumentLanguage.Unknown"/>.</summary>
    public static DocumentLanguage Detect(string text) => Detect(text, out _);

    /// <summary>
    /// As <see cref="Detect(string)"/>; <paramref name="singleScript"/> tells whether the text has only Han or only
    /// Latin letters, so that its sentences need not be told apart one by one.
    /// </summary>
    internal static DocumentLanguage Detect(string text, out bool singleScript)
    {
        ArgumentNullException.ThrowIfNull(text);
        long han = 0, latin = 0, accented = 0, kana = 0, hangul = 0, other = 0;
        long englishWords = 0, otherWords = 0, words = 0;
        var wordStart = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var isLatin = CharClass.IsAsciiLetter(c) || (c >= '\u00C0' && c < '\u0250' && c != '\u00D7' && c != '\u00F7');
            if (isLatin)
            {
                latin++;
                if (c > 127)
                {
                    accented++;
                }

                if (wordStart < 0)
                {
                    wordStart = i;
                }

                continue;
            }

            if (wordStart >= 0)
            {
                // The first few thousand words are plenty to judge by; the ratio is taken over those only.
                if (words < SampledWords)
                {
                    words++;
                    if (i - wordStart <= 8)
                    {
                        var word = text.AsSpan(wordStart, i - wordStart);
                        englishWords += EnglishLookup.Contains(word) ? 1 : 0;
                        otherWords += OtherLookup.Contains(word) ? 1 : 0;
                    }
                }

                wordStart = -1;
            }

            if (CharClass.IsHan(c))
            {
                han++;
            }
            else if (c is >= '\u3040' and <= '\u30FF')
            {
                kana++;
            }
            else if (c is >= '\uAC00' and <= '\uD7AF' or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F')
            {
                hangul++;
            }
            else if (c > '\u024F' && char.IsLetter(c))
            {
                other++;
            }
        }

        singleScript = han == 0 || latin == 0;
        var chinese = han * 3;
        var foreign = other + (hangul * 2) + (kana * 3);
        if (kana * 10 > han + kana && kana >= 3)
        {
            return DocumentLanguage.Unknown;
        }

        if (chinese > 0 && chinese >= latin && chinese > foreign)
        {
            return DocumentLanguage.Chinese;
        }

        if (latin == 0 || foreign > latin)
        {
            return DocumentLanguage.Unknown;
        }

        // Latin script: English unless another language's common words or accents outweigh it.
        if (otherWords > englishWords || accented * 25 > latin)
        {
            return DocumentLanguage.Unknown;
        }

        return words >= 12 && englishWords * 25 < words ? DocumentLanguage.Unknown : DocumentLanguage.English;
    }
}
