namespace Followthrough.Directives.Extraction;

/// <summary>
/// Whether a cue word counts where it stands: 请 as "please" and not in 申请, a request that passes on an action,
/// a wish addressed to someone who can act, "will" after a unit, "has" with a participle, 需要 as "must".
/// </summary>
internal static class CueContext
{
    private static readonly string[] PurposeNouns =
    [
        "purpose", "aim", "goal", "objective", "point", "idea", "reason", "focus", "priority", "intention", "solution",
        "way", "method", "answer", "job", "mission", "role", "function", "key", "task", "plan", "target", "principle",
    ];

    private static readonly string[] EnglishParticiples =
    [
        "been", "done", "made", "built", "won", "grown", "risen", "become", "seen", "taken", "given", "put", "set", "held",
        "begun", "brought", "kept", "met", "paid", "sent", "spent", "left", "led", "found", "shown", "known", "cut", "fallen",
        "gone", "come", "run", "got", "gotten", "written", "spoken", "heard", "told", "thought", "laid", "drawn",
        "undertaken", "overcome", "stood", "struck", "sought", "taught", "felt",
    ];

    private static readonly string[] QuestionWords = ["how ", "what ", "why ", "when ", "where ", "whether ", "if ", "who ", "which "];

    private static readonly string[] Addressees = ["you", "everyone", "all of us", "we ", "comrades", "大家", "各位", "同志们", "我们", "你们", "全市"];

    public static bool ValidExhortation(string text, KeywordHit<CueWord> hit, int body)
    {
        if (text[hit.Start] != '请' || hit.Length != 1)
        {
            return true;
        }

        // 请 as "please" opens a clause or follows its subject (他请市财政局……), not 申请 or 提请.
        if (hit.Start <= body)
        {
            return true;
        }

        var before = text[hit.Start - 1];
        return !CharClass.IsHan(before) || "他她并还也现特们会即".Contains(before, StringComparison.Ordinal);
    }

    /// <summary>
    /// "asked Liaoning Port Group to open", "required the Commission to draw up", 会议要求, 责成: a requirement
    /// passed on, with the action it asks for; not "asked about", not 按照要求 or 提出以下要求.
    /// </summary>
    public static bool ValidRequest(string text, KeywordHit<CueWord> hit, int body, int end, SegmentFacts facts, int firstParticipant)
    {
        if (firstParticipant < hit.Start)
        {
            return false;
        }

        var first = text[hit.Start];
        if (CharClass.IsHan(first))
        {
            if (first == '责')
            {
                return true;
            }

            for (var i = hit.Start - 1; i >= Math.Max(body, hit.Start - 12); i--)
            {
                var c = text[i];
                if (c is '，' or '。' or '；' or '：' or ',')
                {
                    break;
                }

                if (i > body && IsNounContext(text[i - 1], c))
                {
                    return false;
                }
            }

            return hit.End >= end || text[hit.End] is not ('的' or '。');
        }

        var phrase = text.AsSpan(hit.Start, hit.Length);
        if (phrase.EndsWith("that", StringComparison.OrdinalIgnoreCase) || phrase.StartsWith("it was", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var window = text.AsSpan(hit.End, Math.Min(end - hit.End, 160));
        var to = window.IndexOf(" to ", StringComparison.OrdinalIgnoreCase);
        if (to < 0 || to + 4 >= window.Length || !CharClass.IsAsciiLetter(window[to + 4]))
        {
            return false;
        }

        // The "to" must follow the object, not start a purpose after a full clause ("asked how long it took to").
        var between = window[..to];
        var firstWord = between.TrimStart();
        foreach (var question in QuestionWords)
        {
            if (firstWord.StartsWith(question, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return between.IndexOfAny('.', ';') < 0 && (to <= 2 || facts.Actors.Count > 0 || between.Count(' ') <= 12);
    }

    private static bool IsNounContext(char a, char b) => (a, b) switch
    {
        ('根', '据') or ('按', '照') or ('依', '照') or ('遵', '照') or ('对', '照') or ('落', '实') or ('贯', '彻') => true,
        ('符', '合') or ('满', '足') or ('达', '到') or ('提', '出') or ('以', '下') or ('如', '下') or ('上', '述') => true,
        _ => false,
    };

    /// <summary>A wish counts when it is addressed to someone who can act.</summary>
    public static bool Addressed(string text, KeywordHit<CueWord> hit, int end, SegmentFacts facts)
    {
        // Actors are in document order without overlaps: the last one tells whether any comes after the wish.
        if (facts.Actors.Count > 0 && facts.Actors[^1].Span.Start >= hit.End)
        {
            return true;
        }

        var after = text.AsSpan(hit.End, Math.Min(end - hit.End, 40));
        foreach (var word in Addressees)
        {
            if (after.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"The Municipal Finance Bureau will set up": a unit's future action; not "will be named".</summary>
    public static bool ActorWill(string text, KeywordHit<CueWord> hit, SegmentFacts facts)
    {
        if (ActorEndingBefore(facts.Actors, hit.Start) is not { } actor || hit.Start - actor.Span.End > 2)
        {
            return false;
        }

        var next = hit.End;
        while (next < text.Length && text[next] == ' ')
        {
            next++;
        }

        return !(next + 2 <= text.Length && string.CompareOrdinal(text, next, "be", 0, 2) == 0
            && (next + 2 == text.Length || !CharClass.IsWordChar(text[next + 2])));
    }

    /// <summary>The last actor that ends at or before <paramref name="at"/> (binary search: actors are in order).</summary>
    private static ActorMatch? ActorEndingBefore(List<ActorMatch> actors, int at)
    {
        int lo = 0, hi = actors.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (actors[mid].Span.End <= at)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found < 0 ? null : actors[found];
    }

    public static bool PurposeBefore(string text, int body, int at)
    {
        var before = text.AsSpan(Math.Max(body, at - 60), at - Math.Max(body, at - 60));
        foreach (var noun in PurposeNouns)
        {
            var i = before.LastIndexOf(noun, StringComparison.OrdinalIgnoreCase);
            if (i >= 0 && (i + noun.Length == before.Length || !CharClass.IsWordChar(before[i + noun.Length])) && (i == 0 || !CharClass.IsWordChar(before[i - 1])))
            {
                return true;
            }
        }

        return false;
    }

    public static bool NoBefore(string text, int at, int body)
    {
        var from = Math.Max(body, at - 28);
        var before = text.AsSpan(from, at - from);
        var i = before.LastIndexOf("no ", StringComparison.OrdinalIgnoreCase);
        return i >= 0 && (i == 0 || !CharClass.IsWordChar(before[i - 1]));
    }

    /// <summary>需要 as "must" (还需要进一步研究), not the noun (群众需要的, 工作需要。).</summary>
    public static bool ValidXu(string text, KeywordHit<CueWord> hit, int end)
    {
        if (hit.End >= end)
        {
            return false;
        }

        var next = text[hit.End];
        return CharClass.IsHan(next) && next is not ('的' or '和' or '与' or '及' or '是' or '求');
    }

    /// <summary>"has been", "have completed", "had worked": has/have/had with a participle.</summary>
    public static bool Completed(string text, KeywordHit<CueWord> hit, int end)
    {
        var word = text.AsSpan(hit.Start, hit.Length);
        if (!(word.Equals("has", StringComparison.OrdinalIgnoreCase) || word.Equals("have", StringComparison.OrdinalIgnoreCase) || word.Equals("had", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var i = hit.End;
        for (var skipped = 0; skipped < 3; skipped++)
        {
            while (i < end && text[i] == ' ')
            {
                i++;
            }

            var start = i;
            while (i < end && (CharClass.IsAsciiLetter(text[i]) || text[i] == '-'))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }

            var next = text.AsSpan(start, i - start);
            if (next.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || IsParticiple(next))
            {
                return true;
            }

            // "have already done", "has also been", "have not yet completed".
            if (!(next.EndsWith("ly", StringComparison.OrdinalIgnoreCase) || next.Equals("not", StringComparison.OrdinalIgnoreCase)
                || next.Equals("also", StringComparison.OrdinalIgnoreCase) || next.Equals("yet", StringComparison.OrdinalIgnoreCase)
                || next.Equals("already", StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsParticiple(ReadOnlySpan<char> word)
    {
        foreach (var participle in EnglishParticiples)
        {
            if (word.Equals(participle, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static bool Possessive(string text, int at, int end) =>
        at < end && (text[at] == '的' || (at + 1 < end && text[at] is '\'' or '’' && text[at + 1] is 's' or 'S'));

    /// <summary>"should have" followed by a noun, not by a participle: a duty, not a regret.</summary>
    public static bool ModalHaveWithoutParticiple(string text, KeywordHit<CueWord> hit, int end)
    {
        var phrase = text.AsSpan(hit.Start, hit.Length);
        if (!phrase.EndsWith("have", StringComparison.OrdinalIgnoreCase)
            || !(phrase.StartsWith("should", StringComparison.OrdinalIgnoreCase) || phrase.StartsWith("must", StringComparison.OrdinalIgnoreCase)
                || phrase.StartsWith("ought", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var have = new KeywordHit<CueWord>(hit.End - 4, hit.End, hit.Value);
        return !Completed(text, have, end);
    }
}
