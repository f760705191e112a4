namespace Followthrough.Directives.Extraction;

/// <summary>
/// Decides, segment by segment and in document order, which sentences and clauses ask someone to act. It weighs
/// cue words (obligation, ban, assignment, relayed requirement, commitment, imperative opening, time limit)
/// against what makes a sentence narrative (completed action, events of a meeting, statistics, praise, a past
/// time, background cited from higher authorities, suggestions of symposium participants, questions, headings),
/// and keeps a little context: the tense a paragraph or section opened with, and whether a lead-in announced
/// that requirements follow.
/// </summary>
internal sealed class DirectiveDetector
{
    private static readonly KeywordMatcher<CueWord> AnywhereCues = new(EnglishCues.Anywhere().Concat(ChineseCues.Anywhere()));
    private static readonly KeywordMatcher<CueWord> OpenerCues = new(EnglishCues.Openers().Concat(ChineseCues.Openers()));

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

    private static readonly string[] HeadingNouns =
    [
        "事项", "情况", "问题", "工作", "要求", "任务", "措施", "意见", "安排", "建议", "matters", "issues", "items", "measures",
        "requirements", "tasks", "arrangements", "responsibilities", "follow-up", "progress", "findings", "problems",
        "suggestions", "work",
    ];

    private static readonly string[] NounFollowers = ["of", "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could"];

    private static readonly string[] QuestionWords = ["how ", "what ", "why ", "when ", "where ", "whether ", "if ", "who ", "which "];

    private static readonly string[] Addressees = ["you", "everyone", "all of us", "we ", "comrades", "大家", "各位", "同志们", "我们", "你们", "全市"];

    private readonly string _text;
    private readonly SegmentedText _document;
    private readonly DocumentLanguage _language;
    private readonly DeadlineContext _dates;
    private readonly ActorRegistry _registry;
    private Tense _section;
    private Tense _paragraph;
    private bool _requirementsFollow;

    public DirectiveDetector(SegmentedText document, DocumentLanguage language, DeadlineContext dates, ActorRegistry registry)
    {
        _document = document;
        _text = document.Text;
        _language = language;
        _dates = dates;
        _registry = registry;
    }

    private enum Tense
    {
        Neutral,
        Past,
        Future,
    }

    /// <summary>The evidence weighed for the last segment (for diagnosis and tests).</summary>
    internal Evidence LastEvidence { get; private set; }

    /// <summary>Whether segment <paramref name="index"/> is a directive; call for every segment in order.</summary>
    public bool IsDirective(int index, SegmentFacts facts)
    {
        var segment = _document.Segments[index];
        facts.Clear();
        AnywhereCues.FindAll(_text, segment.Span.Start, segment.Span.End, facts.Cues);
        DropContained(facts.Cues);
        ActorFinder.Find(_registry, _text, segment.Span, facts.Actors);
        DeadlineFinder.Find(_text, segment.Span, _dates, facts.Deadlines);

        if (segment.Has(SegmentShape.ParagraphStart) || segment.Has(SegmentShape.StartsLine | SegmentShape.SentenceStart))
        {
            // Many documents put each paragraph on its own line without blank lines between.
            _paragraph = _section;
        }

        var chinese = IsChinese(segment);
        var evidence = Weigh(segment, facts, chinese);
        LastEvidence = evidence;

        var inherited = (segment.Has(SegmentShape.Enumerated) || segment.Has(SegmentShape.Bulleted)) && _requirementsFollow;
        if (IsUnterminatedLine(segment))
        {
            var listed = !EndsWithHeadingNoun(segment.Span)
                && (evidence.AnyStrong || ((evidence.DeadlineCue || inherited) && (evidence.Commitment || evidence.Imperative || evidence.ActorAction || inherited)));
            if (!listed)
            {
                OpenSection(segment, evidence);
                _requirementsFollow = AnnouncesRequirements(segment.Span);
                return false;
            }

            return !evidence.Question && !evidence.Background && !(inherited && Narrated(evidence));
        }

        if (segment.Has(SegmentShape.LeadIn))
        {
            _requirementsFollow = evidence.AnnouncesRequirements;
            return false;
        }

        if (IsInlineHeading(index, segment, evidence, chinese) || IsParagraphHeading(segment, evidence, chinese))
        {
            OpenSection(segment, evidence);
            return false;
        }

        if (!segment.Has(SegmentShape.Enumerated) && !segment.Has(SegmentShape.Bulleted) && segment.Has(SegmentShape.SentenceStart))
        {
            _requirementsFollow = false;
        }

        if (segment.Has(SegmentShape.SentenceStart))
        {
            if (evidence.PastAtStart)
            {
                _paragraph = Tense.Past;
            }
            else if (evidence.FutureAtStart)
            {
                _paragraph = Tense.Future;
            }
        }

        var directive = Decide(evidence, chinese, inherited);
        if (directive && evidence.AnyStrong && !evidence.PastAtStart)
        {
            // A sentence of duties turns a paragraph that reviewed the past towards what is to be done.
            _paragraph = Tense.Neutral;
        }

        return directive;
    }

    private bool Decide(Evidence e, bool chinese, bool inherited)
    {
        if (e.Question || e.Background || e.Suggested)
        {
            return false;
        }

        if (e.Strong || (e.Relayed && !e.PastAtStart && !e.PartialSubject))
        {
            return true;
        }

        // A commitment looks ahead by itself; only its own sentence can set it in the past. The paragraph's tense
        // matters for bare verbs, which in Chinese carry no tense at all.
        if (e.Commitment && !e.PastAtStart && !(chinese && e.PerfectiveMain) && !e.Praise && !e.PartialSubject)
        {
            return true;
        }

        if (inherited && !Narrated(e))
        {
            // An item under "会议要求：" or "Items for follow-up" is a requirement unless it reports what happened.
            return true;
        }

        var pastContext = _paragraph == Tense.Past || e.PastAtStart;

        if (e.Imperative && !chinese)
        {
            // An English sentence that opens with a bare verb is an imperative whatever its relative clauses say.
            return !pastContext && !e.Negated;
        }

        return (e.Imperative || e.ActorAction || e.DeadlineCue)
            && !pastContext && !e.PastAnchor && !e.PerfectiveMain && !e.Narrative && !e.Praise && !e.Statistic && !e.Negated
            && !e.PartialSubject;
    }

    private static bool Narrated(Evidence e) => e.PastAtStart || e.PerfectiveMain || e.Narrative || e.Praise || e.Statistic || e.Negated;

    private bool IsChinese(Segment segment) => _language switch
    {
        DocumentLanguage.Chinese => true,
        DocumentLanguage.English => false,
        _ => HanShare(segment.Span),
    };

    private bool HanShare(TextSpan span)
    {
        int han = 0, latin = 0;
        for (var i = span.Start; i < span.End; i++)
        {
            var c = _text[i];
            if (CharClass.IsHan(c))
            {
                han++;
            }
            else if (CharClass.IsAsciiLetter(c))
            {
                latin++;
            }
        }

        return han * 3 >= latin && han > 0;
    }

    private Evidence Weigh(Segment segment, SegmentFacts facts, bool chinese)
    {
        var e = new Evidence();
        var body = segment.BodyStart;
        var end = segment.Span.End;
        var zone = StartZone(body, end, chinese);
        int firstStrong = int.MaxValue, firstParticipant = int.MaxValue, firstAuthority = -1;
        var suggestions = 0;
        var suggestionAt = int.MaxValue;
        var completedAt = int.MaxValue;
        var reportingAfterAuthority = false;

        foreach (var unit in facts.Actors)
        {
            e.UnitActor |= unit.Unit >= 0;
        }

        foreach (var hit in facts.Cues)
        {
            var strong = false;
            switch (hit.Value.Kind)
            {
                case Cue.Obligation or Cue.Prohibition or Cue.Assignment:
                    strong = true;
                    break;
                case Cue.Exhortation:
                    strong = ValidExhortation(hit, body);
                    break;
                case Cue.Request:
                    if (ValidRequest(hit, body, end, facts, firstParticipant))
                    {
                        e.Relayed = true;
                        firstStrong = Math.Min(firstStrong, hit.Start);
                    }

                    break;
                case Cue.Hope:
                    if (firstParticipant > hit.Start && Addressed(hit, end, facts))
                    {
                        e.Relayed = true;
                        firstStrong = Math.Min(firstStrong, hit.Start);
                    }

                    break;
                case Cue.Commitment:
                    e.Commitment = true;
                    break;
                case Cue.Will:
                    e.Commitment |= ActorWill(hit, facts);
                    break;
                case Cue.IsTo:
                    e.Commitment |= !PurposeBefore(body, hit.Start);
                    break;
                case Cue.May:
                    strong = NoBefore(hit.Start, body);
                    break;
                case Cue.Yao or Cue.Ying:
                    strong = true;
                    break;
                case Cue.Xu:
                    strong = ValidXu(hit, end);
                    break;
                case Cue.Negator:
                    e.Negated = true;
                    break;
                case Cue.Perception:
                    e.Perception = true;
                    break;
                case Cue.Counterfactual:
                    if (ModalHaveWithoutParticiple(hit, end))
                    {
                        // "should have themes and souls": a duty to have something, not what should have happened.
                        strong = true;
                    }
                    else
                    {
                        e.PastAnchor = true;
                    }

                    break;
                case Cue.PastAnchor:
                    e.PastAnchor = true;
                    e.PastAtStart |= hit.Start < zone;
                    break;
                case Cue.FutureAnchor:
                    e.FutureAtStart |= hit.Start < zone;
                    break;
                case Cue.FiveYearPlan:
                    if (DeadlineContext.FiveYearPlanEnd(hit.Value.Number) < _dates.Year)
                    {
                        e.PastAnchor = true;
                        e.PastAtStart |= hit.Start < zone;
                    }
                    else
                    {
                        e.FutureAtStart |= hit.Start < zone;
                    }

                    break;
                case Cue.Perfective:
                    if (chinese || Completed(hit, end))
                    {
                        e.Perfective = true;
                        if (!chinese || _text[hit.Start] is '了' or '被')
                        {
                            e.PerfectiveMain = true;
                        }
                        else if (hit.Start < zone)
                        {
                            completedAt = Math.Min(completedAt, hit.Start);
                        }
                    }

                    break;
                case Cue.Partial:
                    e.PartialSubject |= hit.Start < zone && hit.Start - body <= (chinese ? 3 : 12);
                    break;
                case Cue.Narrative:
                    e.Narrative = true;
                    break;
                case Cue.Praise:
                    e.Praise = true;
                    break;
                case Cue.Statistic:
                    e.Statistic = true;
                    break;
                case Cue.Suggestion:
                    if (firstParticipant < hit.Start)
                    {
                        suggestions++;
                        suggestionAt = Math.Min(suggestionAt, hit.Start);
                    }

                    break;
                case Cue.Participant:
                    // Only as the subject: "Another suggested", 有企业家反映; not "thanked the experts and asked ...".
                    if (hit.Start >= body && hit.Start < zone && hit.Start - body <= (chinese ? 5 : 16))
                    {
                        firstParticipant = Math.Min(firstParticipant, hit.Start);
                    }

                    break;
                case Cue.Authority:
                    if (firstAuthority < 0 && hit.Start < body + (chinese ? 14 : 70) && !Possessive(hit.End, end))
                    {
                        firstAuthority = hit.End;
                    }

                    break;
                case Cue.Reporting:
                    reportingAfterAuthority |= firstAuthority >= 0 && hit.Start >= firstAuthority && hit.Start - firstAuthority < 120 && hit.Start < firstStrong;
                    break;
            }

            if (strong)
            {
                e.Strong = true;
                firstStrong = Math.Min(firstStrong, hit.Start);
            }
        }

        e.Question |= segment.Has(SegmentShape.Question);
        e.Background = reportingAfterAuthority;
        e.Suggested = suggestions > 0 && suggestionAt < firstStrong + 1;
        YearAtStart(body, zone, ref e);
        var verbAt = Opening(segment, facts, chinese, ref e);

        // 已 in the opening marks completed action, unless it sits inside the object of an opening verb (坚决防止已整改问题……).
        e.PerfectiveMain |= completedAt != int.MaxValue && !(e.Imperative && verbAt < completedAt);
        foreach (var deadline in facts.Deadlines)
        {
            e.DeadlineCue |= deadline.Explicit && !deadline.RolledOver && !deadline.IsBefore(_dates.DocumentDate)
                && (!chinese || BindsAnAction(deadline.Span.End, end));
            e.PastAnchor |= deadline.Date is { } date && date < _dates.DocumentDate && !deadline.RolledOver;
        }

        foreach (var actor in facts.Actors)
        {
            // 市审计局将于明年一季度核查: a unit's announced action.
            var after = actor.Span.End;
            while (after < end && _text[after] is '还' or '也' or '都' or '亦')
            {
                after++;
            }

            if (chinese && after < end && _text[after] == '将' && (after + 1 >= end || _text[after + 1] is not ('近' or '来')))
            {
                e.Commitment = true;
            }

            // 由市政府督查室约谈: "by the supervision office" names who acts.
            var at = actor.Span.Start;
            if (chinese && at > body && _text[at - 1] == '由' && (at - 1 == body || !CharClass.IsHan(_text[at - 2])) && actor.Span.End < end && CharClass.IsHan(_text[actor.Span.End]))
            {
                e.Commitment = true;
            }
        }

        if (segment.Has(SegmentShape.LeadIn))
        {
            e.AnnouncesRequirements = e.AnyStrong || AnnouncesRequirements(segment.Span);
        }

        return e;
    }

    /// <summary>Where a sentence's opening ends: its first comma, or a few words in.</summary>
    private int StartZone(int body, int end, bool chinese)
    {
        var limit = Math.Min(end, body + (chinese ? 16 : 64));
        for (var i = body; i < limit; i++)
        {
            if (_text[i] is ',' or '，' or ':' or '：')
            {
                return i;
            }
        }

        return limit;
    }

    private bool ValidExhortation(KeywordHit<CueWord> hit, int body)
    {
        if (_text[hit.Start] != '请' || hit.Length != 1)
        {
            return true;
        }

        // 请 as "please" opens a clause or follows its subject (他请市财政局……), not 申请 or 提请.
        if (hit.Start <= body)
        {
            return true;
        }

        var before = _text[hit.Start - 1];
        return !CharClass.IsHan(before) || "他她并还也现特们会即".Contains(before, StringComparison.Ordinal);
    }

    /// <summary>
    /// "asked Liaoning Port Group to open", "required the Commission to draw up", 会议要求, 责成: a requirement
    /// passed on, with the action it asks for; not "asked about", not 按照要求 or 提出以下要求.
    /// </summary>
    private bool ValidRequest(KeywordHit<CueWord> hit, int body, int end, SegmentFacts facts, int firstParticipant)
    {
        if (firstParticipant < hit.Start)
        {
            return false;
        }

        var first = _text[hit.Start];
        if (CharClass.IsHan(first))
        {
            if (first == '责')
            {
                return true;
            }

            for (var i = hit.Start - 1; i >= Math.Max(body, hit.Start - 12); i--)
            {
                var c = _text[i];
                if (c is '，' or '。' or '；' or '：' or ',')
                {
                    break;
                }

                if (i > body && IsNounContext(_text[i - 1], c))
                {
                    return false;
                }
            }

            return hit.End >= end || _text[hit.End] is not ('的' or '。');
        }

        var phrase = _text.AsSpan(hit.Start, hit.Length);
        if (phrase.EndsWith("that", StringComparison.OrdinalIgnoreCase) || phrase.StartsWith("it was", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var window = _text.AsSpan(hit.End, Math.Min(end - hit.End, 160));
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
    private bool Addressed(KeywordHit<CueWord> hit, int end, SegmentFacts facts)
    {
        // Actors are in document order without overlaps: the last one tells whether any comes after the wish.
        if (facts.Actors.Count > 0 && facts.Actors[^1].Span.Start >= hit.End)
        {
            return true;
        }

        var after = _text.AsSpan(hit.End, Math.Min(end - hit.End, 40));
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
    private bool ActorWill(KeywordHit<CueWord> hit, SegmentFacts facts)
    {
        if (ActorEndingBefore(facts.Actors, hit.Start) is not { } actor || hit.Start - actor.Span.End > 2)
        {
            return false;
        }

        var next = hit.End;
        while (next < _text.Length && _text[next] == ' ')
        {
            next++;
        }

        return !(next + 2 <= _text.Length && string.CompareOrdinal(_text, next, "be", 0, 2) == 0
            && (next + 2 == _text.Length || !CharClass.IsWordChar(_text[next + 2])));
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

    private bool PurposeBefore(int body, int at)
    {
        var before = _text.AsSpan(Math.Max(body, at - 60), at - Math.Max(body, at - 60));
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

    private bool NoBefore(int at, int body)
    {
        var from = Math.Max(body, at - 28);
        var before = _text.AsSpan(from, at - from);
        var i = before.LastIndexOf("no ", StringComparison.OrdinalIgnoreCase);
        return i >= 0 && (i == 0 || !CharClass.IsWordChar(before[i - 1]));
    }

    /// <summary>需要 as "must" (还需要进一步研究), not the noun (群众需要的, 工作需要。).</summary>
    private bool ValidXu(KeywordHit<CueWord> hit, int end)
    {
        if (hit.End >= end)
        {
            return false;
        }

        var next = _text[hit.End];
        return CharClass.IsHan(next) && next is not ('的' or '和' or '与' or '及' or '是' or '求');
    }

    /// <summary>"has been", "have completed", "had worked": has/have/had with a participle.</summary>
    private bool Completed(KeywordHit<CueWord> hit, int end)
    {
        var word = _text.AsSpan(hit.Start, hit.Length);
        if (!(word.Equals("has", StringComparison.OrdinalIgnoreCase) || word.Equals("have", StringComparison.OrdinalIgnoreCase) || word.Equals("had", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var i = hit.End;
        for (var skipped = 0; skipped < 3; skipped++)
        {
            while (i < end && _text[i] == ' ')
            {
                i++;
            }

            var start = i;
            while (i < end && (CharClass.IsAsciiLetter(_text[i]) || _text[i] == '-'))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }

            var next = _text.AsSpan(start, i - start);
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

    private bool Possessive(int at, int end) =>
        at < end && (_text[at] == '的' || (at + 1 < end && _text[at] is '\'' or '’' && _text[at + 1] is 's' or 'S'));

    /// <summary>"In 2019, ..." or "2020年，...": a year before the document's sets the sentence in the past.</summary>
    private void YearAtStart(int body, int zone, ref Evidence e)
    {
        for (var i = body; i + 4 <= zone; i++)
        {
            if (!CharClass.IsDigit(_text[i]) || (i > body && CharClass.IsWordChar(_text[i - 1])))
            {
                continue;
            }

            var read = Numerals.Read(_text, i, zone, out var year);
            if (read == 4 && DeadlineContext.ValidYear((int)year) && (i + 4 >= zone || !CharClass.IsDigit(_text[i + 4])))
            {
                var followed = i + 4 < _text.Length ? _text[i + 4] : ' ';
                if (followed is '年' or ',' or '，' or ' ')
                {
                    if (year < _dates.Year)
                    {
                        e.PastAtStart = true;
                        e.PastAnchor = true;
                    }
                    else if (year > _dates.Year)
                    {
                        e.FutureAtStart = true;
                    }
                }

                return;
            }

            i += Math.Max(0, read - 1);
        }
    }

    /// <summary>
    /// How the sentence opens, after its enumeration marker, field label ("Task:", 任务内容：), connectives
    /// ("Also,", 同时，), address ("Comrades,", 同志们，) and a reporting frame (会议强调，): with an action verb
    /// (an imperative: "Strengthen ...", 加快推进……), with a unit followed by its action (市科技局设立……), or with an
    /// adverbial lead ("According to ..., grasp ...", 按照……，加快……) whose clause then starts with an action verb.
    /// </summary>
    private int Opening(Segment segment, SegmentFacts facts, bool chinese, ref Evidence e)
    {
        var end = segment.Span.End;
        var at = SkipLabel(segment.BodyStart, end);
        var lead = false;
        for (var guard = 0; guard < 6 && at < end; guard++)
        {
            at = SkipSpaces(at, end);
            var hit = OpenerAt(at, end);
            if (hit is { } opener)
            {
                switch (opener.Value.Kind)
                {
                    case Cue.Discourse:
                        at = SkipPunctuation(opener.End, end);
                        continue;
                    case Cue.Imperative:
                        e.Imperative = !IsDescriptive(opener, end, chinese);
                        e.Strong |= e.Imperative && IsBan(opener);
                        return opener.Start;
                    case Cue.Lead:
                        lead = true;
                        break;
                }

                break;
            }

            if (!chinese && AdverbAt(at, end) is var adverbEnd and > 0)
            {
                at = adverbEnd;
                continue;
            }

            if (chinese && _text[at] == '不' && OpenerAt(at + (at + 1 < end && _text[at + 1] == '再' ? 2 : 1), end) is { Value.Kind: Cue.Imperative })
            {
                // 不出台, 不再新增: a commitment not to act.
                e.Imperative = true;
                return at;
            }

            if (chinese && FrameEnd(at, end, facts) is var frameEnd and > 0)
            {
                at = frameEnd;
                continue;
            }

            if (DeadlineAt(at, facts) is var deadlineEnd and > 0)
            {
                // "7月15日前完成……", "By 10 July, finish ...": the time limit comes first.
                at = SkipPunctuation(deadlineEnd, end);
                continue;
            }

            break;
        }

        if (chinese && !lead)
        {
            foreach (var actor in facts.Actors)
            {
                if (actor.Span.Start == at || (actor.Span.Start > at && actor.Span.Start - at <= 1 && _text[at] == '由'))
                {
                    var after = SkipAdverbs(actor.Span.End, end);
                    e.ActorAction = OpenerAt(after, end) is { Value.Kind: Cue.Imperative };
                    return after;
                }
            }
        }

        if (!lead)
        {
            return int.MaxValue;
        }

        if (chinese && _text[at] is '对' or '向' or '与' or '给' or '把' or '为' or '就')
        {
            // 对13个滞后项目实行……: a preposition brings the object forward and the verb follows in the same clause.
            for (var i = at + 1; i < end && i < at + 24; i++)
            {
                if (_text[i] is '，' or '。' or '；' or '：' or ',')
                {
                    break;
                }

                if (OpenerAt(i, end) is { Value.Kind: Cue.Imperative } verb && !IsDescriptive(verb, end, chinese))
                {
                    e.Imperative = true;
                    return verb.Start;
                }
            }
        }

        for (var i = at; i < end; i++)
        {
            if (_text[i] is not (',' or '，'))
            {
                continue;
            }

            var clause = SkipSpaces(i + 1, end);
            while (OpenerAt(clause, end) is { Value.Kind: Cue.Discourse } connective)
            {
                clause = SkipPunctuation(connective.End, end);
            }

            if (OpenerAt(clause, end) is { Value.Kind: Cue.Imperative } verb && !IsDescriptive(verb, end, chinese))
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

    private bool EndsWithHeadingNoun(TextSpan span)
    {
        var text = _text.AsSpan(span.Start, span.Length).TrimEnd();
        foreach (var noun in HeadingNouns)
        {
            if (text.EndsWith(noun, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        // "需跟踪落实的事项": a noun phrase closed by 的 + noun.
        var de = text.LastIndexOf('的');
        return de >= 0 && text.Length - de <= 5 && de > 0;
    }

    private KeywordHit<CueWord>? OpenerAt(int at, int end)
    {
        if (at >= end)
        {
            return null;
        }

        var best = OpenerCues.LongestAt(_text, at, Math.Min(end, at + 24));
        return best is { Value.Kind: Cue.Neutral } ? null : best;
    }

    /// <summary>"Report on the Work of ...", "Strengthening of ...": a verb used as a noun does not command.</summary>
    private bool IsDescriptive(KeywordHit<CueWord> verb, int end, bool chinese)
    {
        if (chinese)
        {
            // 整改不是一阵风, 创新是第一动力: the verb names a subject of 是.
            for (var i = verb.End; i < end && i < verb.End + 8; i++)
            {
                var c = _text[i];
                if (c is '，' or '。' or '；' or '：' or ',')
                {
                    return false;
                }

                if (c == '是' && (i + 1 >= end || _text[i + 1] != '否'))
                {
                    return true;
                }
            }

            return false;
        }

        var start = SkipSpaces(verb.End, end);
        var stop = start;
        while (stop < end && CharClass.IsAsciiLetter(_text[stop]))
        {
            stop++;
        }

        var next = _text.AsSpan(start, stop - start);
        foreach (var word in NounFollowers)
        {
            if (next.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsBan(KeywordHit<CueWord> verb)
    {
        var word = _text.AsSpan(verb.Start, verb.Length);
        return word.Equals("do not", StringComparison.OrdinalIgnoreCase) || word.Equals("don't", StringComparison.OrdinalIgnoreCase)
            || word.Equals("never", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A Chinese time limit binds an action (5月底前报送), unless it qualifies a noun (6月底前的工作).</summary>
    private bool BindsAnAction(int at, int end) => at < end && CharClass.IsHan(_text[at]) && _text[at] is not ('的' or '之');

    /// <summary>"should have" followed by a noun, not by a participle: a duty, not a regret.</summary>
    private bool ModalHaveWithoutParticiple(KeywordHit<CueWord> hit, int end)
    {
        var phrase = _text.AsSpan(hit.Start, hit.Length);
        if (!phrase.EndsWith("have", StringComparison.OrdinalIgnoreCase)
            || !(phrase.StartsWith("should", StringComparison.OrdinalIgnoreCase) || phrase.StartsWith("must", StringComparison.OrdinalIgnoreCase)
                || phrase.StartsWith("ought", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var have = new KeywordHit<CueWord>(hit.End - 4, hit.End, hit.Value);
        return !Completed(have, end);
    }

    private int SkipLabel(int at, int end)
    {
        var limit = Math.Min(end, at + 24);
        var words = 1;
        for (var i = at; i < limit; i++)
        {
            var c = _text[i];
            if (c is ':' or '：')
            {
                var han = CharClass.IsHan(_text[Math.Max(at, i - 1)]);
                return (han ? i - at <= 8 : words <= 3) && i > at ? SkipSpaces(i + 1, end) : at;
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
    private int FrameEnd(int at, int end, SegmentFacts facts)
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

            if (hit.Value.Kind is Cue.Reporting or Cue.Request or Cue.Suggestion && hit.End < end && _text[hit.End] is '，' or '：' or ',' or ':')
            {
                return hit.End + 1;
            }
        }

        return 0;
    }

    private int SkipAdverbs(int at, int end)
    {
        var i = at;
        for (var guard = 0; guard < 3 && i < end; guard++)
        {
            var hit = OpenerAt(i, end);
            if (hit is { Value.Kind: Cue.Discourse })
            {
                i = hit.Value.End;
                continue;
            }

            if (_text[i] is '全' or '均' or '都' or '再' or '于' && i + 1 < end && _text[i + 1] is '部' or '按' or '时')
            {
                i += 2;
                continue;
            }

            break;
        }

        return i;
    }

    private int AdverbAt(int at, int end)
    {
        var i = at;
        while (i < end && CharClass.IsAsciiLetter(_text[i]))
        {
            i++;
        }

        return i - at > 4 && _text[i - 1] is 'y' && _text[i - 2] is 'l' ? i : 0;
    }

    private int SkipSpaces(int at, int end)
    {
        while (at < end && CharClass.IsSpace(_text[at]))
        {
            at++;
        }

        return at;
    }

    private int SkipPunctuation(int at, int end)
    {
        while (at < end && (CharClass.IsSpace(_text[at]) || _text[at] is ',' or '，' or ':' or '：' or '、'))
        {
            at++;
        }

        return at;
    }

    private bool AnnouncesRequirements(TextSpan span)
    {
        var text = _text.AsSpan(span.Start, span.Length);
        return text.Contains("要求", StringComparison.Ordinal) || text.Contains("require", StringComparison.OrdinalIgnoreCase)
            || text.Contains("落实", StringComparison.Ordinal) || text.Contains("跟踪", StringComparison.Ordinal)
            || text.Contains("督办", StringComparison.Ordinal) || text.Contains("follow-up", StringComparison.OrdinalIgnoreCase)
            || text.Contains("follow up", StringComparison.OrdinalIgnoreCase) || text.Contains("action items", StringComparison.OrdinalIgnoreCase)
            || text.Contains("任务", StringComparison.Ordinal) || text.Contains("措施", StringComparison.Ordinal)
            || text.Contains("强调", StringComparison.Ordinal) || text.Contains("tasks", StringComparison.OrdinalIgnoreCase)
            || text.Contains("measures", StringComparison.OrdinalIgnoreCase) || text.Contains("stressed", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsUnterminatedLine(Segment segment) =>
        segment.Has(SegmentShape.StartsLine | SegmentShape.EndsLine)
        && !segment.Has(SegmentShape.Terminated) && !segment.Has(SegmentShape.Bulleted) && !segment.Has(SegmentShape.LeadIn);

    /// <summary>"（一）着力建设创新高地。" or "(1) Building a strong innovation base." followed by its body text.</summary>
    private bool IsInlineHeading(int index, Segment segment, Evidence e, bool chinese)
    {
        if (!segment.Has(SegmentShape.HeadingNumber) || !segment.Has(SegmentShape.SentenceStart) || e.AnyStrong || e.DeadlineCue || e.UnitActor)
        {
            return false;
        }

        if (index + 1 >= _document.Segments.Count)
        {
            return false;
        }

        var next = _document.Segments[index + 1];
        if (next.Paragraph != segment.Paragraph || next.Has(SegmentShape.Enumerated))
        {
            return false;
        }

        return IsShort(segment.Body, chinese, 12, 20) && !HasComma(segment.Body);
    }

    /// <summary>
    /// A one-sentence paragraph, short, followed by a much longer paragraph of several sentences: a section
    /// heading written as a sentence ("Adhere to green development, build ...").
    /// </summary>
    private bool IsParagraphHeading(Segment segment, Evidence e, bool chinese)
    {
        if (e.Strong || e.UnitActor || e.DeadlineCue || _document.Paragraphs.Count < 4)
        {
            return false;
        }

        var paragraph = _document.Paragraphs[segment.Paragraph];
        if (paragraph.SegmentCount != 1 || segment.Paragraph + 1 >= _document.Paragraphs.Count || !IsShort(segment.Body, chinese, 40, 60))
        {
            return false;
        }

        var next = _document.Paragraphs[segment.Paragraph + 1];
        return next.SentenceCount >= 3 && next.Span.Length >= 3 * paragraph.Span.Length;
    }

    private bool IsShort(TextSpan span, bool chinese, int words, int han)
    {
        var count = 0;
        for (var i = span.Start; i < span.End; i++)
        {
            var c = _text[i];
            count += chinese ? (CharClass.IsHan(c) ? 1 : 0) : (c == ' ' ? 1 : 0);
        }

        return chinese ? count <= han : count + 1 <= words;
    }

    private bool HasComma(TextSpan span)
    {
        for (var i = span.Start; i < span.End; i++)
        {
            if (_text[i] is ',' or '，' or ';' or '；')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A heading sets the tense of the section under it: a review looks back, a plan of tasks ahead.</summary>
    private void OpenSection(Segment segment, Evidence e)
    {
        var heading = _text.AsSpan(segment.Span.Start, segment.Span.Length);
        var past = e.PastAnchor || e.PastAtStart || heading.Contains("review", StringComparison.OrdinalIgnoreCase)
            || heading.Contains("回顾", StringComparison.Ordinal) || heading.Contains("总结", StringComparison.Ordinal)
            || heading.Contains("achievements", StringComparison.OrdinalIgnoreCase) || heading.Contains("成绩", StringComparison.Ordinal);
        var ahead = e.FutureAtStart || heading.Contains("task", StringComparison.OrdinalIgnoreCase)
            || heading.Contains("任务", StringComparison.Ordinal) || heading.Contains("安排", StringComparison.Ordinal)
            || heading.Contains("plan", StringComparison.OrdinalIgnoreCase) || heading.Contains("要求", StringComparison.Ordinal)
            || heading.Contains("requirement", StringComparison.OrdinalIgnoreCase) || heading.Contains("措施", StringComparison.Ordinal);
        _section = past && !ahead ? Tense.Past : ahead && !past ? Tense.Future : Tense.Neutral;
        if (YearIn(heading) is { } year)
        {
            _section = year < _dates.Year ? Tense.Past : Tense.Future;
        }

        _paragraph = _section;
        _requirementsFollow = false;
    }

    private static int? YearIn(ReadOnlySpan<char> heading)
    {
        for (var i = 0; i + 4 <= heading.Length; i++)
        {
            if (CharClass.IsAsciiDigit(heading[i]) && (i == 0 || !CharClass.IsAsciiDigit(heading[i - 1]))
                && CharClass.IsAsciiDigit(heading[i + 1]) && CharClass.IsAsciiDigit(heading[i + 2]) && CharClass.IsAsciiDigit(heading[i + 3])
                && (i + 4 == heading.Length || !CharClass.IsAsciiDigit(heading[i + 4])))
            {
                var year = int.Parse(heading.Slice(i, 4), provider: System.Globalization.CultureInfo.InvariantCulture);
                if (DeadlineContext.ValidYear(year))
                {
                    return year;
                }
            }
        }

        return null;
    }

    /// <summary>Drops cue hits lying inside a longer hit: 要 inside 重要, "should" inside "should have".</summary>
    private static void DropContained(List<KeywordHit<CueWord>> hits)
    {
        if (hits.Count < 2)
        {
            return;
        }

        hits.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var kept = 0;
        KeywordHit<CueWord> cover = default;
        var hasCover = false;
        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            if (hasCover && hit.End <= cover.End && hit.Length < cover.Length)
            {
                continue;
            }

            hits[kept++] = hit;
            if (!hasCover || hit.End > cover.End)
            {
                cover = hit;
                hasCover = true;
            }
        }

        hits.RemoveRange(kept, hits.Count - kept);
    }
}
