namespace Followthrough.Directives.Extraction;

/// <summary>An actor found in a sentence: a registry unit (<see cref="Unit"/> ≥ 0) or a generic actor (-1).</summary>
internal readonly record struct ActorMatch(TextSpan Span, int Unit);

/// <summary>
/// Finds who is asked to act: registry units by name or alias (longest match wins, so 市政府督查室 is the
/// supervision office, not 市政府), and generic actors ("relevant departments", "有关部门", "市场监管部门").
/// </summary>
internal static class ActorFinder
{
    // Characters that may stand before a two-character alias such as 大工: function words, not word parts.
    private const string ShortAliasNeighbours = "由和与及同请对向让在是为经从被将把、，：；（“";

    // What an organisation's name may not extend over to its left.
    private const string ChineseStops = "的和与及等各也要将由对向在是都请并或同把了为从到被让该此这那本其每一二三四五六七八九十个些给就还再已于以按据经帮助协调配合督促指导会议";

    // Longest first: 委员会 before 委, 管委会 before 会.
    private static readonly string[] ChineseSuffixes =
    [
        "委员会", "管委会", "办事处", "办公室", "部门", "公司", "集团", "政府", "中心", "银行", "医院", "支队", "大队", "分局",
        "高新区", "开发区", "保税区", "先导区", "新区", "园区", "片区", "研究院", "研究所", "党委", "局", "委", "厅",
    ];

    private static readonly HashSet<string> EnglishHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "bureau", "bureaus", "office", "offices", "department", "departments", "commission", "committee", "government",
        "governments", "company", "companies", "group", "team", "authority", "authorities", "administration", "centre",
        "center", "agency", "zone", "institute", "corporation", "police", "operator", "council", "office", "hospital",
        "university", "bank",
    };

    private static readonly HashSet<string> EnglishStops = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "all", "and", "of", "for", "to", "in", "on", "with", "by", "other", "these", "those", "that",
        "this", "its", "their", "our", "each", "every", "some", "many", "several", "from", "at", "as", "or", "two", "three",
        "relevant", "concerned", "responsible", "heads", "head", "various", "was", "were", "is", "are", "will", "should",
        "must", "asked", "urged", "told", "called", "he", "she", "they", "we", "it", "his", "her", "also", "not", "be",
        "including", "such", "like", "between", "among", "within", "into", "through", "after", "before", "than", "about",
        "help", "helped", "helps", "visited", "leaders", "leader", "staff", "officials", "members", "i", "you", "me",
    };

    public static void Find(ActorRegistry registry, string text, TextSpan span, List<ActorMatch> into)
    {
        var hits = new List<KeywordHit<ActorKey>>();
        registry.Matcher.FindAll(text, span.Start, span.End, hits);
        hits.RemoveAll(hit => !Acceptable(text, hit));
        KeywordMatcher<ActorKey>.KeepLongest(hits);
        foreach (var hit in hits)
        {
            into.Add(new ActorMatch(new TextSpan(hit.Start, hit.End), hit.Value.Unit));
        }

        AddOrganisationNames(text, span, into);
        into.Sort(static (a, b) => a.Span.Start.CompareTo(b.Span.Start));
    }

    private static bool Acceptable(string text, KeywordHit<ActorKey> hit)
    {
        if (hit.Value.CaseSensitive)
        {
            for (var i = hit.Start; i < hit.End; i++)
            {
                if (text[i] is < 'A' or > 'Z')
                {
                    return false;
                }
            }
        }

        if (hit.Value.ShortHan && hit.Start > 0)
        {
            var before = text[hit.Start - 1];
            return !CharClass.IsHan(before) || ShortAliasNeighbours.Contains(before, StringComparison.Ordinal);
        }

        return true;
    }

    /// <summary>
    /// Bodies named by their field rather than by a registry name: "农业农村部门", "市审计局", "燃气公司", "高新区",
    /// "the audit bureau", "market supervision departments", "the gas company". They are reported as generic actors
    /// (no unit code); the review page lets the clerk match them to units.
    /// </summary>
    private static void AddOrganisationNames(string text, TextSpan span, List<ActorMatch> into)
    {
        for (var i = span.Start; i < span.End; i++)
        {
            var c = text[i];
            if (CharClass.IsHan(c))
            {
                if (ChineseSuffixAt(text, i, span.End) is var suffixEnd and > 0)
                {
                    var start = i;
                    while (start > span.Start && i - start < 8 && CharClass.IsHan(text[start - 1]) && !ChineseStops.Contains(text[start - 1], StringComparison.Ordinal))
                    {
                        start--;
                    }

                    if (suffixEnd - start >= 3 && !ExcludedBefore(text, start, i))
                    {
                        AddIfFree(into, new TextSpan(start, suffixEnd));
                    }

                    i = suffixEnd - 1;
                }

                continue;
            }

            if (CharClass.IsAsciiLetter(c) && (i == span.Start || !CharClass.IsWordChar(text[i - 1])))
            {
                var wordEnd = i;
                while (wordEnd < span.End && (CharClass.IsAsciiLetter(text[wordEnd]) || text[wordEnd] == '-'))
                {
                    wordEnd++;
                }

                if (EnglishHeads.Contains(text[i..wordEnd]) && (wordEnd >= span.End || !CharClass.IsWordChar(text[wordEnd])))
                {
                    var start = ModifiersBefore(text, span.Start, i);
                    if (start < i)
                    {
                        AddIfFree(into, new TextSpan(start, wordEnd));
                    }
                }

                i = wordEnd - 1;
            }
        }
    }

    /// <summary>The end of an organisation suffix starting at <paramref name="at"/> (局, 公司, 管委会, 部门 ...), or 0.</summary>
    private static int ChineseSuffixAt(string text, int at, int end)
    {
        foreach (var suffix in ChineseSuffixes)
        {
            if (at + suffix.Length <= end && string.CompareOrdinal(text, at, suffix, 0, suffix.Length) == 0)
            {
                var after = at + suffix.Length;
                if (suffix is "局" or "委" or "厅" && after < end && "面部长势员托屈婉会里".Contains(text[after], StringComparison.Ordinal))
                {
                    return 0;
                }

                if (suffix == "中心" && after < end && "城任工环位地思主".Contains(text[after], StringComparison.Ordinal))
                {
                    return 0;
                }

                return after;
            }
        }

        return 0;
    }

    /// <summary>格局, 布局, 开局, 大厅: words that end like an organisation but are not one.</summary>
    private static bool ExcludedBefore(string text, int start, int suffixAt)
    {
        if (suffixAt - 1 < start)
        {
            return true;
        }

        var before = text[suffixAt - 1];
        var suffix = text[suffixAt];
        return suffix switch
        {
            '局' => "格全大布结开时骗当僵赌饭棋残定".Contains(before, StringComparison.Ordinal),
            '厅' => "大餐客展歌舞".Contains(before, StringComparison.Ordinal),
            '委' => "主常编党".Contains(before, StringComparison.Ordinal) && suffixAt - start < 2,
            _ => false,
        };
    }

    /// <summary>Up to four words before an English head noun: "district city management", "gas", "high-tech".</summary>
    private static int ModifiersBefore(string text, int limit, int head)
    {
        var start = head;
        for (var words = 0; words < 4; words++)
        {
            var wordEnd = start - 1;
            if (wordEnd <= limit || text[wordEnd] != ' ')
            {
                break;
            }

            var wordStart = wordEnd;
            while (wordStart > limit && (CharClass.IsAsciiLetter(text[wordStart - 1]) || text[wordStart - 1] == '-'))
            {
                wordStart--;
            }

            if (wordStart == wordEnd || EnglishStops.Contains(text[wordStart..wordEnd]))
            {
                break;
            }

            start = wordStart;
        }

        return start;
    }

    private static void AddIfFree(List<ActorMatch> into, TextSpan candidate)
    {
        foreach (var actor in into)
        {
            if (actor.Span.Overlaps(candidate))
            {
                return;
            }
        }

        into.Add(new ActorMatch(candidate, -1));
    }

    private static int Next(ReadOnlySpan<char> text, int from, string value)
    {
        if (from >= text.Length)
        {
            return -1;
        }

        var at = text[from..].IndexOf(value, StringComparison.Ordinal);
        return at < 0 ? -1 : at + from;
    }

    private static int IndexOfWord(ReadOnlySpan<char> text, int from, string word)
    {
        while (from < text.Length)
        {
            var at = text[from..].IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return -1;
            }

            at += from;
            var before = at == 0 || !CharClass.IsWordChar(text[at - 1]);
            var after = at + word.Length >= text.Length || !CharClass.IsWordChar(text[at + word.Length]);
            if (before && after)
            {
                return at;
            }

            from = at + word.Length;
        }

        return -1;
    }
}
