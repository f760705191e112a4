namespace Followthrough.Directives.Extraction;

/// <summary>
/// Bodies named by their field rather than by a registry name: "农业农村部门", "市审计局", "燃气公司", "高新区",
/// "the audit bureau", "market supervision departments", "the gas company". The registry's automaton finds the
/// head word (局, 公司, "bureau") in the same pass as the names; here it is extended to the left over the words
/// that name the field. They are reported as generic actors (no unit code) for the clerk to match.
/// </summary>
internal static class OrganisationNames
{
    /// <summary>Longest first where one contains another (委员会 before 委).</summary>
    public static readonly string[] ChineseSuffixes =
    [
        "委员会", "管委会", "办事处", "办公室", "部门", "公司", "集团", "政府", "中心", "银行", "医院", "支队", "大队", "分局",
        "高新区", "开发区", "保税区", "先导区", "新区", "园区", "片区", "研究院", "研究所", "党委", "局", "委", "厅",
    ];

    public static readonly string[] EnglishHeads =
    [
        "bureau", "bureaus", "office", "offices", "department", "departments", "commission", "committee", "government",
        "governments", "company", "companies", "group", "team", "authority", "authorities", "administration", "centre",
        "center", "agency", "zone", "institute", "corporation", "police", "operator", "council", "hospital",
        "university", "bank",
    ];

    // What a Chinese name may not extend over to its left: function words, numerals, verbs of co-operation.
    private const string ChineseStops = "的和与及等各也要将由对向在是都请并或同把了为从到被让该此这那本其每一二三四五六七八九十个些给就还再已于以按据经帮助协调配合督促指导会议";

    private static readonly HashSet<string> EnglishStops = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "all", "and", "of", "for", "to", "in", "on", "with", "by", "other", "these", "those", "that",
        "this", "its", "their", "our", "each", "every", "some", "many", "several", "from", "at", "as", "or", "two", "three",
        "relevant", "concerned", "responsible", "heads", "head", "various", "was", "were", "is", "are", "will", "should",
        "must", "asked", "urged", "told", "called", "he", "she", "they", "we", "it", "his", "her", "also", "not", "be",
        "including", "such", "like", "between", "among", "within", "into", "through", "after", "before", "than", "about",
        "help", "helped", "helps", "visited", "leaders", "leader", "staff", "officials", "members", "i", "you", "me",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopLookup = EnglishStops.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>"市审计局" from the hit on 局; null when the suffix ends a word that is no organisation (格局, 大厅).</summary>
    public static TextSpan? Chinese(string text, TextSpan span, KeywordHit<ActorKey> suffix)
    {
        var at = suffix.Start;
        var after = suffix.End;
        var head = text[at];
        if (suffix.Length == 1 && after < span.End
            && (head is '局' or '委' or '厅' && "面部长势员托屈婉会里".Contains(text[after], StringComparison.Ordinal)))
        {
            return null;
        }

        if (suffix.Length == 2 && head == '中' && after < span.End && "城任工环位地思主".Contains(text[after], StringComparison.Ordinal))
        {
            return null;
        }

        var start = at;
        while (start > span.Start && at - start < 8 && CharClass.IsHan(text[start - 1]) && !ChineseStops.Contains(text[start - 1], StringComparison.Ordinal))
        {
            start--;
        }

        if (after - start < 3 || start == at)
        {
            return null;
        }

        var before = text[at - 1];
        var excluded = head switch
        {
            '局' when suffix.Length == 1 => "格全大布结开时骗当僵赌饭棋残定好新变".Contains(before, StringComparison.Ordinal),
            '厅' => "大餐客展歌舞".Contains(before, StringComparison.Ordinal),
            '委' when suffix.Length == 1 => "主常编".Contains(before, StringComparison.Ordinal),
            _ => false,
        };
        return excluded ? null : new TextSpan(start, after);
    }

    /// <summary>"audit bureau" from the hit on "bureau": up to four words before the head, not counting "the".</summary>
    public static TextSpan? English(string text, TextSpan span, KeywordHit<ActorKey> head)
    {
        var start = head.Start;
        for (var words = 0; words < 4; words++)
        {
            var wordEnd = start - 1;
            if (wordEnd <= span.Start || text[wordEnd] != ' ')
            {
                break;
            }

            var wordStart = wordEnd;
            while (wordStart > span.Start && (CharClass.IsAsciiLetter(text[wordStart - 1]) || text[wordStart - 1] == '-'))
            {
                wordStart--;
            }

            if (wordStart == wordEnd || StopLookup.Contains(text.AsSpan(wordStart, wordEnd - wordStart)))
            {
                break;
            }

            start = wordStart;
        }

        return start < head.Start ? new TextSpan(start, head.End) : null;
    }
}
