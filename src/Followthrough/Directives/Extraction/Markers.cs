namespace Followthrough.Directives.Extraction;

/// <summary>An enumeration marker or bullet at the start of a segment: its length and what kind it is.</summary>
internal readonly record struct Marker(int Length, SegmentShape Kind);

/// <summary>
/// Recognises the ways documents number their items: 一是 / 二要, 其一, 第一，, 一、, （一）, (1), ①, 1. / 1、 /
/// 1.1, I., First, / Secondly, and bullets. Numeric and heading styles count only at a line start or after a
/// colon or semicolon, so "in 2021. 3 units" or "2.85%" are never taken for markers.
/// </summary>
internal static class Markers
{
    private static readonly string[] EnglishOrdinals =
    [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "firstly", "secondly", "thirdly", "fourthly", "fifthly", "finally", "lastly",
    ];

    private static readonly string[] Romans = ["XII", "XI", "VIII", "VII", "VI", "IV", "IX", "III", "II", "I", "V", "X"];

    public static Marker Match(string text, int pos, int limit, bool atLineStart, bool afterColon)
    {
        if (pos >= limit)
        {
            return default;
        }

        var c = text[pos];
        if (atLineStart && IsBullet(c) && (c is not ('-' or '*') || (pos + 1 < limit && text[pos + 1] == ' ')))
        {
            return new Marker(1, SegmentShape.Bulleted);
        }

        if (c is '(' or '（')
        {
            return Parenthesized(text, pos, limit);
        }

        if (c is >= '\u2460' and <= '\u249B')
        {
            return new Marker(1, SegmentShape.Enumerated);
        }

        if (Numerals.IsChineseDigit(c) || c == '其' || c == '第')
        {
            return Chinese(text, pos, limit, atLineStart || afterColon);
        }

        if (CharClass.IsDigit(c))
        {
            return atLineStart || afterColon ? Decimal(text, pos, limit) : default;
        }

        if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z')
        {
            var roman = atLineStart ? Roman(text, pos, limit) : default;
            return roman.Length > 0 ? roman : Ordinal(text, pos, limit);
        }

        return default;
    }

    private static bool IsBullet(char c) => c is '-' or '*' or '•' or '·' or '●' or '▪' or '◆' or '◇' or '■' or '□' or '➢' or '►' or '▶' or '○' or '◎' or '–' or '—';

    private static Marker Parenthesized(string text, int pos, int limit)
    {
        var i = pos + 1;
        var start = i;
        while (i < limit && i - start < 3 && (CharClass.IsDigit(text[i]) || Numerals.IsChineseDigit(text[i])))
        {
            i++;
        }

        if (i == start && i < limit && (CharClass.IsAsciiLetter(text[i])))
        {
            i++;
        }

        if (i == start || i >= limit || text[i] is not (')' or '）'))
        {
            return default;
        }

        return new Marker(i + 1 - pos, SegmentShape.Enumerated | SegmentShape.HeadingNumber);
    }

    private static Marker Chinese(string text, int pos, int limit, bool headingAllowed)
    {
        var i = pos;
        var lead = text[i];
        if (lead is '其' or '第')
        {
            i++;
        }

        var digits = i;
        while (i < limit && i - digits < 3 && (Numerals.IsChineseDigit(text[i]) || (lead == '第' && CharClass.IsDigit(text[i]))))
        {
            i++;
        }

        if (i == digits || i >= limit)
        {
            return default;
        }

        var next = text[i];
        if (lead == '第')
        {
            if (next is '，' or ',' or '、' or '：' or ':' or '是')
            {
                return new Marker(i + 1 - pos, SegmentShape.Enumerated);
            }

            return next is '条' or '章' or '节' or '部' && headingAllowed
                ? new Marker(i + 1 - pos, SegmentShape.Enumerated | SegmentShape.HeadingNumber)
                : default;
        }

        if (lead == '其')
        {
            return next is '，' or ',' or '、' or '是' or '：' ? new Marker(i + 1 - pos, SegmentShape.Enumerated) : default;
        }

        if (next is '是' or '要' or '则')
        {
            // "一是", "二要": but not "一要素" or "三是否".
            if (i + 1 < limit && text[i + 1] is '否' or '素' or '点' or '求')
            {
                return default;
            }

            return new Marker(i + 1 - pos, SegmentShape.Enumerated);
        }

        if (next is '、' or '．' && headingAllowed)
        {
            return new Marker(i + 1 - pos, SegmentShape.Enumerated | SegmentShape.HeadingNumber);
        }

        return default;
    }

    private static Marker Decimal(string text, int pos, int limit)
    {
        var i = pos;
        while (i < limit && i - pos < 2 && CharClass.IsDigit(text[i]))
        {
            i++;
        }

        if (i < limit && CharClass.IsDigit(text[i]))
        {
            return default;
        }

        var sections = 0;
        while (i + 1 < limit && text[i] is '.' or '．' && CharClass.IsDigit(text[i + 1]) && sections < 3)
        {
            var j = i + 1;
            while (j < limit && j - i <= 2 && CharClass.IsDigit(text[j]))
            {
                j++;
            }

            if (j < limit && CharClass.IsDigit(text[j]))
            {
                return default;
            }

            i = j;
            sections++;
        }

        if (i >= limit)
        {
            return default;
        }

        var c = text[i];
        if (c is '.' or '．' or '、' or ')' or '）')
        {
            var after = i + 1 < limit ? text[i + 1] : ' ';
            return CharClass.IsDigit(after) || after is '%' or '％' or '.'
                ? default
                : new Marker(i + 1 - pos, SegmentShape.Enumerated | SegmentShape.HeadingNumber);
        }

        return sections > 0 && c == ' ' ? new Marker(i - pos, SegmentShape.Enumerated | SegmentShape.HeadingNumber) : default;
    }

    private static Marker Roman(string text, int pos, int limit)
    {
        foreach (var roman in Romans)
        {
            var end = pos + roman.Length;
            if (end + 1 < limit && string.CompareOrdinal(text, pos, roman, 0, roman.Length) == 0
                && text[end] is '.' or '、' && text[end + 1] == ' ')
            {
                return new Marker(end + 1 - pos, SegmentShape.Enumerated | SegmentShape.HeadingNumber);
            }
        }

        return default;
    }

    private static Marker Ordinal(string text, int pos, int limit)
    {
        var end = pos;
        while (end < limit && CharClass.IsAsciiLetter(text[end]))
        {
            end++;
        }

        if (end >= limit || text[end] is not (',' or ':') || end - pos < 5)
        {
            return default;
        }

        var word = text.AsSpan(pos, end - pos);
        foreach (var ordinal in EnglishOrdinals)
        {
            if (word.Equals(ordinal, StringComparison.OrdinalIgnoreCase))
            {
                return new Marker(end + 1 - pos, SegmentShape.Enumerated);
            }
        }

        return default;
    }
}
