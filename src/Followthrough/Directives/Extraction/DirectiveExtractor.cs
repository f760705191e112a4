namespace Followthrough.Directives.Extraction;

/// <summary>
/// Drafts the task list from a meeting record, speech, work report or inspection feedback: every sentence or
/// clause that asks someone to act, with the units and generic actors it names, its time limit resolved to a
/// day, the figures it mentions and the fields of work it touches. Every result points at the exact words it
/// came from (UTF-16 offsets into the text as given). Deterministic and offline; English and Simplified
/// Chinese, detected per document. Linear in the length of the text. One instance may serve many callers at once:
/// its automata are immutable and each call keeps its state to itself.
/// </summary>
public sealed class DirectiveExtractor
{
    private readonly ActorRegistry _registry;
    private readonly Func<DateOnly, int, DateOnly> _addWorkingDays;

    /// <param name="registry">The units to recognise (the demo organisation or the database's units).</param>
    /// <param name="addWorkingDays">
    /// The working-day calendar: the day that falls <c>n</c> working days after a date (the date itself not
    /// counted). "Within 20 working days" and "20个工作日内" are resolved with it.
    /// </param>
    public DirectiveExtractor(ActorRegistry registry, Func<DateOnly, int, DateOnly> addWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(addWorkingDays);
        _registry = registry;
        _addWorkingDays = addWorkingDays;
    }

    /// <summary>
    /// Extracts the directives of <paramref name="text"/>. Relative time limits ("by the end of June", 年底前) are
    /// resolved against <paramref name="documentDate"/>. With <paramref name="language"/> null the language is
    /// detected; a text that is neither English nor Chinese gives <see cref="DocumentLanguage.Unknown"/> and no
    /// directives.
    /// </summary>
    public ExtractionResult Extract(string text, DateOnly documentDate, DocumentLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var singleScript = true;
        var detected = language is null or DocumentLanguage.Unknown ? LanguageDetector.Detect(text, out singleScript) : language.Value;
        if (detected == DocumentLanguage.Unknown)
        {
            return new ExtractionResult(DocumentLanguage.Unknown, []);
        }

        // A forced language, or a text in one script, reads every sentence in that language; a mixed text is
        // read sentence by sentence in the language each is mostly written in.
        var document = Segmenter.Split(text);
        var dates = new DeadlineContext(documentDate, _addWorkingDays);
        var detector = new DirectiveDetector(document, singleScript ? detected : DocumentLanguage.Unknown, dates, _registry);
        var facts = new SegmentFacts();
        var directives = new List<ExtractedDirective>();
        for (var i = 0; i < document.Segments.Count; i++)
        {
            if (detector.IsDirective(i, facts))
            {
                directives.Add(Describe(text, document.Segments[i].Span, facts, documentDate));
            }
        }

        return new ExtractionResult(detected, directives);
    }

    private ExtractedDirective Describe(string text, TextSpan span, SegmentFacts facts, DateOnly documentDate)
    {
        // Each unit once, at its first mention; a generic actor once per wording. A sentence names few actors,
        // so a linear check beats a set.
        var actors = new List<ExtractedActor>(facts.Actors.Count);
        foreach (var actor in facts.Actors)
        {
            var code = actor.Unit >= 0 ? _registry.CodeOf(actor.Unit) : null;
            var seen = false;
            foreach (var earlier in actors)
            {
                seen |= code is not null
                    ? earlier.Unit == code
                    : earlier.Unit is null && text.AsSpan(actor.Span.Start, actor.Span.Length).SequenceEqual(earlier.Text);
            }

            if (!seen)
            {
                actors.Add(new ExtractedActor(actor.Span.Slice(text), actor.Span, code, actor.Unit >= 0 ? _registry.NameOf(actor.Unit) : null));
            }
        }

        ExtractedDeadline? deadline = null;
        if (DeadlineFinder.Choose(facts.Deadlines, documentDate) is { } chosen)
        {
            deadline = new ExtractedDeadline(chosen.Span.Slice(text), chosen.Span, chosen.Date);
        }

        var quantities = new List<QuantityMatch>();
        QuantityFinder.Find(text, span, quantities);
        return new ExtractedDirective(
            span.Slice(text),
            span,
            actors,
            deadline,
            [.. quantities.Select(q => new ExtractedQuantity(q.Span.Slice(text), q.Span, q.Value, q.Unit))],
            TopicMap.Of(text, span));
    }
}
