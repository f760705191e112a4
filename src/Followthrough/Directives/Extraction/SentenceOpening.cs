namespace Followthrough.Directives.Extraction;

/// <summary>
/// How a sentence opens, past its marker, label, connectives, address and reporting frame: with an action verb
/// (an imperative), a unit and its action, or an adverbial lead whose clause then starts with an action verb.
/// </summary>
internal static class SentenceOpening
{
    private static readonly KeywordMatcher<CueWord> OpenerCues = new(EnglishCues.Openers().Concat(ChineseCues.Openers()));

    private static readonly string[] NounFollowers = ["of", "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could"];

    /// <summary>
    /// How the sentence opens, after its enumeration marker, field label ("Task:", 任务内容：), connectives
    /// ("Also,", 同时，), address ("Comrades,", 同志们，) and a reporting frame (会议强调，): with an action verb
    /// (an imperative: "Strengthen ...", 加快推进……), with a unit followed by its action (市科技局设立……), or with an
    /// adverbial lead ("According to ..., grasp ...", 按照……，加快……) whose clause then starts with an action verb.
    /// </summary>
    public static int Opening(string text, Segment segment, SegmentFacts facts, bool chinese, ref Evidence e)
    {
        var end = segment.Span.End;
        var at = SkipLabel(text, segment.BodyStart, end);
        var lead = false;
        for (var guard = 0; guard < 6 && at < end; guard++)
        {
            at = SkipSpaces(text, at, end);
            var hit = OpenerAt(text, at, end);
            if (hit is { } opener)
            {
                switch (opener.Value.Kind)
                {
                    case Cue.Discourse:
                        at = SkipPunctuation(text, opener.End, end);
                        continue;
                    case Cue.Imperative:
                        e.Imperative = !IsDescriptive(text, opener, end, chinese);
                        e.Strong |= e.Imperative && IsBan(text, opener);
                        return opener.Start;
                    case Cue.Lead:
                        lead = true;
                        break;
                }

                break;
            }

            if (!chinese && AdverbAt(text, at, end) is var adverbEnd and > 0)
            {
                at = adverbEnd;
                continue;
            }

            if (chinese && text[at] == '不' && OpenerAt(text, at + (at + 1 < end && text[at + 1] == '再' ? 2 : 1), end) is { Value.Kind: Cue.Imperative })
            {
                // 不出台, 不再新增: a commitment not to act.
                e.Imperative = true;
                return at;
            }

            if (chinese && FrameEnd(text, at, end, facts) is var frameEnd and > 0)
            {
                at = frameEnd;
                continue;
            }

            if (DeadlineAt(at, facts) is var deadlineEnd and > 0)
            {
                // "7月15日前完成……", "By 10 July, finish ...": the time limit comes first.
                at = SkipPunctuation(text, deadlineEnd, end);
                continue;
            }

            break;
        }

        if (chinese && !lead)
        {
            foreach (var actor in facts.Actors)
            {
                if (actor.Span.Start == at || (actor.Span.Start > at && actor.Span.Start - at <= 1 && text[at] == '由'))
                {
                    var after = SkipAdverbs(text, actor.Span.End, end);
                    e.ActorAction = OpenerAt(text, after, end) is { Value.Kind: Cue.Imperative };
                    return after;
                }
            }
        }

        if (!lead)
        {
            return int.MaxValue;
        }

        if (chinese && text[at] is '对' or '向' or '与' or '给' or '把' or '为' or '就')
        {
            // 对13个滞后项目实行……: a preposition brings the object forward and the verb follows in the same clause.
            for (var i = at + 1; i < end && i < at + 24; i++)
            {
                if (text[i] is '，' or '。' or '；' or '：' or ',')
                {
                    break;
                }

                if (OpenerAt(text, i, end) is { Value.Kind: Cue.Imperative } verb && !IsDescriptive(text, verb, end, chinese))
                {
                    e.Imperative = true;
                    return verb.Start;
                }
            }
        }

        for (var i = at; i < end; i++)
        {
            if (text[i] is not (',' or '，'))
            {
                continue;
            }

            var clause = SkipSpaces(text, i + 1, end);
            while (OpenerAt(text, clause, end) is { Value.Kind: Cue.Discourse } connective)
            {
                clause = SkipPunctuation(text, connective.End, end);
            }

            if (OpenerAt(text, clause, end) is { Value.Kind: Cue.Imperative } verb && !IsDescriptive(text, verb, end, chinese))
            {
                e.Imperative = true;
                return verb.Start;
            }
        }

        return int.MaxValue;
    }

    private static int DeadlineAt(int at, SegmentFacts facts)
    {
        foreach (var deadline in facts.Deadlines)
        {
            if (deadline.Span.Start == at)
            {
                return deadline.Span.End;
            }
        }

        return 0;
    }

    private static KeywordHit<CueWord>? OpenerAt(string text, int at, int end)
    {
        if (at >= end)
        {
            return null;
        }

        var best = OpenerCues.LongestAt(text, at, Math.Min(end, at + 24));
        return best is { Value.Kind: Cue.Neutral } ? null : best;
    }

    /// <summary>"Report on the Work of ...", "Strengthening of ...": a verb used as a noun does not command.</summary>
    private static bool IsDescriptive(string text, KeywordHit<CueWord> verb, int end, bool chinese)
    {
        if (chinese)
        {
            // 整改不是一阵风, 创新是第一动力: the verb names a subject of 是.
            for (var i = verb.End; i < end && i < verb.End + 8; i++)
            {
                var c = text[i];
                if (c is '，' or '。' or '；' or '：' or ',')
                {
                    return false;
                }

                if (c == '是' && (i + 1 >= end || text[i + 1] != '否'))
                {
                    return true;
                }
            }

            return false;
        }

        var start = SkipSpaces(text, verb.End, end);
        var stop = start;
        while (stop < end && CharClass.IsAsciiLetter(text[stop]))
        {
            stop++;
        }

        var next = text.AsSpan(start, stop - start);
        foreach (var word in NounFollowers)
        {
            if (next.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBan(string text, KeywordHit<CueWord> verb)
    {
        var word = text.AsSpan(verb.Start, verb.Length);
        return word.Equals("do not", StringComparison.OrdinalIgnoreCase) || word.Equals("don't", StringComparison.OrdinalIgnoreCase)
            || word.Equals("never", StringComparison.OrdinalIgnoreCase);
    }

    private static int SkipLabel(string text, int at, int end)
    {
        var limit = Math.Min(end, at + 24);
        var words = 1;
        for (var i = at; i < limit; i++)
        {
            var c = text[i];
            if (c is ':' or '：')
            {
                var han = CharClass.IsHan(text[Math.Max(at, i - 1)]);
                return (han ? i - at <= 8 : words <= 3) && i > at ? SkipSpaces(text, i + 1, end) : at;
            }

            if (c == ' ')
            {
                words++;
            }
            else if (!CharClass.IsWordChar(c) && !CharClass.IsHan(c) && c is not '-')
            {
                return at;
            }
        }

        return at;
    }

    /// <summary>A reporting frame at the opening: 会议强调， 他指出： 市长要求， (up to 12 characters).</summary>
    private static int FrameEnd(string text, int at, int end, SegmentFacts facts)
    {
        foreach (var hit in facts.Cues)
        {
            if (hit.Start - at > 12)
            {
                break;
            }

            if (hit.Start < at)
            {
                continue;
            }

            if (hit.Value.Kind is Cue.Reporting or Cue.Request or Cue.Suggestion && hit.End < end && text[hit.End] is '，' or '：' or ',' or ':')
            {
                return hit.End + 1;
            }
        }

        return 0;
    }

    private static int SkipAdverbs(string text, int at, int end)
    {
        var i = at;
        for (var guard = 0; guard < 3 && i < end; guard++)
        {
            var hit = OpenerAt(text, i, end);
            if (hit is { Value.Kind: Cue.Discourse })
            {
                i = hit.Value.End;
                continue;
            }

            if (text[i] is '全' or '均' or '都' or '再' or '于' && i + 1 < end && text[i + 1] is '部' or '按' or '时')
            {
                i += 2;
                continue;
            }

            break;
        }

        return i;
    }

    private static int AdverbAt(string text, int at, int end)
    {
        var i = at;
        while (i < end && CharClass.IsAsciiLetter(text[i]))
        {
            i++;
        }

        return i - at > 4 && text[i - 1] is 'y' && text[i - 2] is 'l' ? i : 0;
    }

    private static int SkipSpaces(string text, int at, int end)
    {
        while (at < end && CharClass.IsSpace(text[at]))
        {
            at++;
        }

        return at;
    }

    private static int SkipPunctuation(string text, int at, int end)
    {
        while (at < end && (CharClass.IsSpace(text[at]) || text[at] is ',' or '，' or ':' or '：' or '、'))
        {
            at++;
        }

        return at;
    }
}
