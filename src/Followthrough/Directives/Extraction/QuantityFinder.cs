using System.Globalization;

namespace Followthrough.Directives.Extraction;

/// <summary>A figure mentioned in a sentence: the number as written and the unit or counted thing after it.</summary>
internal readonly record struct QuantityMatch(TextSpan Span, decimal Value, string Unit);

/// <summary>
/// Finds the numbers a directive commits to: percentages ("2.85%", "0.62 percentage points", "96.5％"), amounts
/// and counts with a unit or a counted thing ("300 days", "30,000 square kilometers", "755 个", "416亿元",
/// "5,000 high-level talents", "两条"). Years, dates, ordinals, list numbers and bare numbers are left out.
/// </summary>
internal static class QuantityFinder
{
    // Longest first, so 平方公里 wins over 公里 and 个百分点 over 个.
    private static readonly string[] ChineseUnits = [.. new[]
    {
        "个百分点", "百分点", "万平方米", "平方公里", "平方千米", "平方米", "立方米", "万标准箱", "标准箱", "万千瓦时", "千瓦时",
        "万千瓦", "千瓦", "万亿元", "亿元", "万元", "千元", "美元", "万吨", "吨", "公里", "千米", "公顷", "万亩", "亩", "万人次",
        "人次", "万人", "万户", "个工作日", "工作日", "个月", "小时", "分钟", "公斤", "千克", "米", "人", "名", "位", "户", "家",
        "个", "项", "件", "次", "批", "套", "台", "辆", "艘", "座", "所", "条", "处", "天", "周", "倍", "元", "张", "份", "场",
        "栋", "间", "床", "只", "头", "棵", "株", "分", "年", "岁", "届", "期", "篇", "部", "本", "支", "种", "类", "大类", "万",
        "亿",
    }.OrderByDescending(u => u.Length)];

    private static readonly char[] Quotes = ['"', '“', '”'];

    private static readonly HashSet<string> EnglishMultipliers = new(StringComparer.OrdinalIgnoreCase) { "thousand", "million", "billion", "trillion", "hundred" };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> MultiplierLookup = EnglishMultipliers.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> EnglishStops = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "and", "or", "the", "a", "an", "in", "on", "at", "for", "to", "from", "by", "with", "than", "more", "less",
        "this", "that", "these", "those", "which", "who", "as", "per", "each", "every", "over", "under", "up", "down",
        "since", "before", "after", "during", "about", "around", "nearly", "last", "had", "have", "has", "was", "were",
        "is", "are", "will", "would", "should", "must", "shall", "can", "may", "be", "been", "it", "its", "their", "his",
        "her", "our", "we", "they", "he", "she", "not", "no", "so", "such", "all", "into", "onto", "out", "also", "only",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "am", "pm",
        "times", "consecutive",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopLookup = EnglishStops.GetAlternateLookup<ReadOnlySpan<char>>();

    public static void Find(string text, TextSpan span, List<QuantityMatch> into)
    {
        for (var i = span.Start; i < span.End; i++)
        {
            var c = text[i];
            var digit = CharClass.IsDigit(c);
            if (!digit && !Numerals.IsChineseDigit(c))
            {
                continue;
            }

            if (i > span.Start && (CharClass.IsWordChar(text[i - 1]) || Numerals.IsChineseDigit(text[i - 1]) || text[i - 1] is '.' or '第' or '#' or ':' or '-' or '—' or '/' || (digit && text[i - 1] is ',')))
            {
                continue;
            }

            var next = digit ? Digits(text, i, span.End, into) : Chinese(text, i, span.End, into);
            if (next > i)
            {
                i = next - 1;
            }
        }
    }

    private static int Digits(string text, int start, int limit, List<QuantityMatch> into)
    {
        var read = Numerals.Read(text, start, limit, out var whole);
        if (read == 0)
        {
            return start + 1;
        }

        var end = start + read;
        var value = (decimal)whole;
        if (end + 1 < limit && text[end] is '.' or '．' && CharClass.IsDigit(text[end + 1]))
        {
            var fraction = end + 1;
            while (fraction < limit && CharClass.IsDigit(text[fraction]) && fraction - end <= 6)
            {
                fraction++;
            }

            if (decimal.TryParse(Normalize(text, start, fraction), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
            {
                value = parsed;
            }

            end = fraction;
        }

        if (end < limit && (CharClass.IsAsciiLetter(text[end]) || CharClass.IsDigit(text[end])))
        {
            // 14th, 2nd, 3D, A4: ordinals and codes, not quantities.
            return end;
        }

        if (end < limit && text[end] is '%' or '％' or '‰')
        {
            into.Add(new QuantityMatch(new TextSpan(start, end + 1), value, text[end] == '‰' ? "‰" : "%"));
            return end + 1;
        }

        if (end < limit && text[end] is '年' or '月' or '日' or '号' or '时' or '点' or ':' or '：' && !(text[end] == '年' && read <= 2 && whole < 100))
        {
            return end;
        }

        return Unit(text, start, end, limit, value, into);
    }

    private static int Chinese(string text, int start, int limit, List<QuantityMatch> into)
    {
        var read = Numerals.Read(text, start, limit, out var value);
        if (read == 0 || value < 2)
        {
            return start + read + 1;
        }

        var end = start + read;
        foreach (var unit in ChineseUnits)
        {
            if (unit is "年" or "月" or "期" or "届" or "部" or "本" or "种" or "类" or "分" or "万" or "亿" || end + unit.Length > limit)
            {
                continue;
            }

            if (string.CompareOrdinal(text, end, unit, 0, unit.Length) == 0)
            {
                into.Add(new QuantityMatch(new TextSpan(start, end + unit.Length), value, unit));
                return end + unit.Length;
            }
        }

        return end;
    }

    private static int Unit(string text, int start, int end, int limit, decimal value, List<QuantityMatch> into)
    {
        var at = end;
        if (at < limit && text[at] == ' ')
        {
            at++;
        }

        if (at < limit && CharClass.IsHan(text[at]))
        {
            foreach (var unit in ChineseUnits)
            {
                if (at + unit.Length <= limit && string.CompareOrdinal(text, at, unit, 0, unit.Length) == 0)
                {
                    into.Add(new QuantityMatch(new TextSpan(start, at + unit.Length), value, unit));
                    return at + unit.Length;
                }
            }

            return end;
        }

        if (at >= limit || at == end)
        {
            return end;
        }

        // English: an optional multiplier, then up to three words naming the unit or the thing counted.
        var unitStart = at;
        var words = 0;
        var last = at;
        var cursor = at;
        while (words < 4 && cursor < limit)
        {
            if (text[cursor] is '"' or '“')
            {
                var window = Math.Min(limit, cursor + 49) - (cursor + 1);
                var close = window > 0 ? text.AsSpan(cursor + 1, window).IndexOfAny('"', '”') : -1;
                close = close < 0 ? -1 : close + cursor + 1;
                if (words == 0 && close > cursor)
                {
                    last = close + 1;
                    words++;
                }

                break;
            }

            var wordEnd = cursor;
            while (wordEnd < limit && (CharClass.IsAsciiLetter(text[wordEnd]) || (text[wordEnd] == '-' && wordEnd > cursor)))
            {
                wordEnd++;
            }

            if (wordEnd == cursor)
            {
                break;
            }

            var word = text.AsSpan(cursor, wordEnd - cursor);
            if (StopLookup.Contains(word))
            {
                break;
            }

            var multiplier = MultiplierLookup.Contains(word);
            last = wordEnd;
            words++;
            if (percent(word, text, wordEnd, limit, out var percentEnd))
            {
                last = percentEnd;
                break;
            }

            if (!multiplier && words >= 3)
            {
                break;
            }

            if (wordEnd >= limit || text[wordEnd] != ' ')
            {
                break;
            }

            cursor = wordEnd + 1;
        }

        if (words == 0)
        {
            return end;
        }

        into.Add(new QuantityMatch(new TextSpan(start, last), value, text[unitStart..last].Trim(Quotes)));
        return last;

        static bool percent(ReadOnlySpan<char> word, string text, int wordEnd, int limit, out int percentEnd)
        {
            percentEnd = wordEnd;
            if (word.Equals("percent", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (word.Equals("per", StringComparison.OrdinalIgnoreCase) && wordEnd + 5 <= limit && string.Compare(text, wordEnd, " cent", 0, 5, StringComparison.OrdinalIgnoreCase) == 0)
            {
                percentEnd = wordEnd + 5;
                return true;
            }

            return false;
        }
    }

    private static string Normalize(string text, int start, int end)
    {
        // A figure is usually a few characters, but the input is untrusted: a run of a million digits must not be
        // stack-allocated (a stack overflow ends the process and cannot be caught).
        var length = end - start;
        Span<char> buffer = length <= 256 ? stackalloc char[length] : new char[length];
        var n = 0;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c == ',')
            {
                continue;
            }

            buffer[n++] = CharClass.IsDigit(c) ? (char)('0' + CharClass.DigitValue(c)) : c == '．' ? '.' : c;
        }

        return new string(buffer[..n]);
    }
}
