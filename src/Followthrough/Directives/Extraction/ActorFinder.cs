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

    [ThreadStatic]
    private static List<KeywordHit<ActorKey>>? t_hits;

    [ThreadStatic]
    private static List<KeywordHit<ActorKey>>? t_heads;

    public static void Find(ActorRegistry registry, string text, TextSpan span, List<ActorMatch> into)
    {
        var hits = t_hits ??= [];
        hits.Clear();
        registry.Matcher.FindAll(text, span.Start, span.End, hits);
        var heads = t_heads ??= [];
        heads.Clear();
        var kept = 0;
        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            if (hit.Value.IsHead)
            {
                heads.Add(hit);
            }
            else if (Acceptable(text, hit))
            {
                hits[kept++] = hit;
            }
        }

        hits.RemoveRange(kept, hits.Count - kept);
        KeywordMatcher<ActorKey>.KeepLongest(hits);
        foreach (var hit in hits)
        {
            into.Add(new ActorMatch(new TextSpan(hit.Start, hit.End), hit.Value.Unit));
        }

        // Names found by their head are kept only where no registry name or earlier one lies. Both lists run in
        // document order, so one pointer over the registry names keeps this linear in a very long sentence.
        var named = into.Count;
        var next = 0;
        var lastEnd = -1;
        foreach (var head in heads)
        {
            var name = head.Value.Unit == ActorKey.ChineseSuffix
                ? OrganisationNames.Chinese(text, span, head)
                : OrganisationNames.English(text, span, head);
            if (name is not { } found || found.Start < lastEnd)
            {
                continue;
            }

            while (next < named && into[next].Span.End <= found.Start)
            {
                next++;
            }

            if (next < named && into[next].Span.Overlaps(found))
            {
                continue;
            }

            into.Add(new ActorMatch(found, -1));
            lastEnd = found.End;
        }

        if (into.Count > named)
        {
            into.Sort(static (a, b) => a.Span.Start.CompareTo(b.Span.Start));
        }
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
}
