using Followthrough.Directives.Documents;

namespace Followthrough.Directives.Review;

/// <summary>
/// Merging and splitting candidates, as plain rules on the document's text: offsets stay exact, the actors and the
/// deadline go with the half of the text they are in, and a text the clerk has not edited follows the sentence.
/// </summary>
internal static class CandidateEdits
{
    /// <summary>Whether the clerk changed the task text away from the sentence as found.</summary>
    public static bool IsEdited(DirectiveCandidate candidate, string documentText)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(documentText);
        return candidate.Text != Slice(documentText, candidate.StartOffset, candidate.EndOffset);
    }

    /// <summary>Makes <paramref name="first"/> cover both sentences; <paramref name="next"/> is to be removed.</summary>
    public static void Merge(DirectiveCandidate first, DirectiveCandidate next, string documentText)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(next);
        var edited = IsEdited(first, documentText) || IsEdited(next, documentText);
        var end = Math.Max(first.EndOffset, next.EndOffset);
        first.Text = edited ? $"{first.Text.Trim()} {next.Text.Trim()}" : Slice(documentText, first.StartOffset, end);
        first.EndOffset = end;
        first.Actors = CandidateActors.Join(CandidateActors.Parse(first.Actors).Concat(CandidateActors.Parse(next.Actors)));
        if (first.DeadlineText is null && next.DeadlineText is not null)
        {
            (first.DeadlineText, first.DeadlineStart, first.DeadlineEnd, first.Deadline) = (next.DeadlineText, next.DeadlineStart, next.DeadlineEnd, next.Deadline);
        }

        first.Topics = string.Join(',', first.Topics.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Concat(next.Topics.Split(',', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal));
        var units = CandidateActors.ParseIds(first.PartnerUnitIds).Concat(CandidateActors.ParseIds(next.PartnerUnitIds));
        if (next.LeadUnitId is { } nextLead)
        {
            units = units.Append(nextLead);
        }

        first.LeadUnitId ??= next.LeadUnitId;
        first.PartnerUnitIds = CandidateActors.JoinIds(units.Where(u => u != first.LeadUnitId));
        first.SuggestedPlanItemId ??= next.SuggestedPlanItemId;
        first.PlanItemId ??= next.PlanItemId;
    }

    /// <summary>
    /// Splits <paramref name="candidate"/> at <paramref name="at"/> characters into its sentence; returns the second
    /// part, which the caller stores. Units matched in the second part lead it; the first keeps its own.
    /// </summary>
    public static DirectiveCandidate Split(DirectiveCandidate candidate, int at, string documentText, IReadOnlyDictionary<string, int> unitIds)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(unitIds);
        var cut = candidate.StartOffset + at;
        var actors = CandidateActors.Parse(candidate.Actors);
        var second = new DirectiveCandidate
        {
            DocumentId = candidate.DocumentId,
            StartOffset = cut,
            EndOffset = candidate.EndOffset,
            Text = Slice(documentText, cut, candidate.EndOffset),
            Actors = CandidateActors.Join(actors.Where(a => a.Start >= cut)),
            Topics = candidate.Topics,
            SuggestedPlanItemId = candidate.SuggestedPlanItemId,
            PlanItemId = candidate.PlanItemId,
            Status = candidate.Status,
        };
        if (candidate.DeadlineStart is { } deadlineStart && deadlineStart >= cut)
        {
            (second.DeadlineText, second.DeadlineStart, second.DeadlineEnd, second.Deadline) =
                (candidate.DeadlineText, candidate.DeadlineStart, candidate.DeadlineEnd, candidate.Deadline);
            (candidate.DeadlineText, candidate.DeadlineStart, candidate.DeadlineEnd, candidate.Deadline) = (null, null, null, null);
        }

        var secondUnits = Units(actors.Where(a => a.Start >= cut), unitIds);
        second.LeadUnitId = secondUnits.Count > 0 ? secondUnits[0] : candidate.LeadUnitId;
        second.PartnerUnitIds = CandidateActors.JoinIds(secondUnits.Skip(1).Where(u => u != second.LeadUnitId));

        candidate.EndOffset = cut;
        candidate.Text = Slice(documentText, candidate.StartOffset, cut);
        candidate.Actors = CandidateActors.Join(actors.Where(a => a.Start < cut));
        var firstUnits = Units(actors.Where(a => a.Start < cut), unitIds);
        if (firstUnits.Count > 0)
        {
            candidate.LeadUnitId = firstUnits[0];
            candidate.PartnerUnitIds = CandidateActors.JoinIds(firstUnits.Skip(1));
        }

        return second;
    }

    /// <summary>Where a split may fall: strictly inside the sentence, leaving text on both sides.</summary>
    public static bool CanSplitAt(DirectiveCandidate candidate, int at, string documentText)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var length = candidate.EndOffset - candidate.StartOffset;
        return at > 0 && at < length
            && !string.IsNullOrWhiteSpace(Slice(documentText, candidate.StartOffset, candidate.StartOffset + at))
            && !string.IsNullOrWhiteSpace(Slice(documentText, candidate.StartOffset + at, candidate.EndOffset))
            && !char.IsLowSurrogate(documentText[candidate.StartOffset + at]);
    }

    public static string Slice(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        return text[start..end];
    }

    private static List<int> Units(IEnumerable<CandidateActor> actors, IReadOnlyDictionary<string, int> unitIds) =>
        [.. actors.Where(a => a.Unit is not null && unitIds.ContainsKey(a.Unit)).Select(a => unitIds[a.Unit!]).Distinct()];
}
