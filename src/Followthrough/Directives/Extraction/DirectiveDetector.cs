namespace Followthrough.Directives.Extraction;

/// <summary>Whether a section or paragraph looks back on what was done or ahead to what is to be done.</summary>
internal enum Tense
{
    Neutral,
    Past,
    Future,
}

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
        var evidence = EvidenceWeigher.Weigh(_text, _dates, segment, facts, chinese);
        LastEvidence = evidence;

        var inherited = (segment.Has(SegmentShape.Enumerated) || segment.Has(SegmentShape.Bulleted)) && _requirementsFollow;
        if (Headings.IsUnterminatedLine(segment))
        {
            var listed = !Headings.EndsWithHeadingNoun(_text, segment.Span)
                && (evidence.AnyStrong || ((evidence.DeadlineCue || inherited) && (evidence.Commitment || evidence.Imperative || evidence.ActorAction || inherited)));
            if (!listed)
            {
                OpenSection(segment, evidence);
                _requirementsFollow = Headings.AnnouncesRequirements(_text, segment.Span);
                return false;
            }

            return !evidence.Question && !evidence.Background && !(inherited && Narrated(evidence));
        }

        if (segment.Has(SegmentShape.LeadIn))
        {
            _requirementsFollow = evidence.AnnouncesRequirements;
            return false;
        }

        if (Headings.IsInlineHeading(_document, index, segment, evidence, chinese) || Headings.IsParagraphHeading(_document, segment, evidence, chinese))
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

    /// <summary>A heading opens a section: its tense carries to the paragraphs under it, and no list is announced yet.</summary>
    private void OpenSection(Segment segment, Evidence e)
    {
        _section = Headings.SectionTense(_text, segment, e, _dates.Year);
        _paragraph = _section;
        _requirementsFollow = false;
    }
}
