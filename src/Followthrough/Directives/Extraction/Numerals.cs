namespace Followthrough.Directives.Extraction;

/// <summary>Numbers written as digits (ASCII or full-width), Chinese numerals or English number words.</summary>
internal static class Numerals
{
    private static readonly string[] EnglishWords =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    ];

    public static bool IsChineseDigit(char c) => ChineseValue(c) >= 0;

    /// <summary>〇零一二两三四五六七八九 → 0-9, 十 → 10, 百 → 100, 千 → 1000; anything else → -1.</summary>
    public static int ChineseValue(char c) => c switch
    {
        '〇' or '零' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        _ => -1,
    };

    /// <summary>
    /// Reads a whole number at <paramref name="pos"/>: digits (with , thousands separators), or Chinese numerals
    /// (十五, 二十, 一百二十, 二〇二五). Returns the number of characters read, 0 if none; never more than 9 digits.
    /// </summary>
    public static int Read(string text, int pos, int limit, out long value)
    {
        value = 0;
        if (pos >= limit)
        {
            return 0;
        }

        if (CharClass.IsDigit(text[pos]))
        {
            var i = pos;
            var digits = 0;
            while (i < limit)
            {
                var c = text[i];
                if (CharClass.IsDigit(c))
                {
                    if (++digits > 9)
                    {
                        return 0;
                    }

                    value = (value * 10) + CharClass.DigitValue(c);
                    i++;
                }
                else if (c == ',' && i + 3 < limit && AllDigits(text, i + 1, 3) && (i + 4 >= limit || !CharClass.IsDigit(text[i + 4])))
                {
                    i++;
                }
                else
                {
                    break;
                }
            }

            return i - pos;
        }

        return ReadChinese(text, pos, limit, out value);
    }

    private static bool AllDigits(string text, int from, int count)
    {
        for (var i = from; i < from + count; i++)
        {
            if (i >= text.Length || !CharClass.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static int ReadChinese(string text, int pos, int limit, out long value)
    {
        value = 0;
        var i = pos;
        long section = 0;
        long digit = -1;
        var positional = true;
        long plain = 0;
        while (i < limit && i - pos < 12)
        {
            var v = ChineseValue(text[i]);
            if (v < 0)
            {
                break;
            }

            if (v >= 10)
            {
                positional = false;
                section += (digit < 0 ? 1 : digit) * v;
                digit = -1;
            }
            else
            {
                // Without 十/百/千 the digits are positional (二〇二五 is 2025).
                plain = (plain * 10) + v;
                digit = v;
            }

            i++;
        }

        if (i == pos)
        {
            return 0;
        }

        if (positional && i - pos > 1)
        {
            value = plain;
        }
        else
        {
            value = section + (digit < 0 ? 0 : digit);
        }

        return i - pos;
    }

    /// <summary>"one" to "twenty", "a", "an", "half" → 1..20, 1, 1, 0 (half is the caller's business).</summary>
    public static int EnglishWord(ReadOnlySpan<char> word)
    {
        for (var i = 0; i < EnglishWords.Length; i++)
        {
            if (word.Equals(EnglishWords[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return word.Equals("a", StringComparison.OrdinalIgnoreCase) || word.Equals("an", StringComparison.OrdinalIgnoreCase) ? 1 : -1;
    }
}
