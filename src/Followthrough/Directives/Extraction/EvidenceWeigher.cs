namespace Followthrough.Directives.Extraction;

/// <summary>
/// Weighs what a segment's cue words, actors and time limits say: duty or narrative, ahead or in the past,
/// the sentence's own or relayed from elsewhere. The detector decides from this evidence and the context.
/// </summary>
internal static class EvidenceWeigher
{
    public static Evidence Weigh(string text, DeadlineContext dates, Segment segment, SegmentFacts facts, bool chinese)
    {
        var e = new Evidence();
        var body = segment.BodyStart;
        var end = segment.Span.End;
        var zone = StartZone(text, body, end, chinese);
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
                    strong = CueContext.ValidExhortation(text, hit, body);
                    break;
                case Cue.Request:
                    if (CueContext.ValidRequest(text, hit, body, end, facts, firstParticipant))
                    {
                        e.Relayed = true;
                        firstStrong = Math.Min(firstStrong, hit.Start);
                    }

                    break;
                case Cue.Hope:
                    if (firstParticipant > hit.Start && CueContext.Addressed(text, hit, end, facts))
                    {
                        e.Relayed = true;
                        firstStrong = Math.Min(firstStrong, hit.Start);
                    }

                    break;
                case Cue.Commitment:
                    e.Commitment = true;
                    break;
                case Cue.Will:
                    e.Commitment |= CueContext.ActorWill(text, hit, facts);
                    break;
                case Cue.IsTo:
                    e.Commitment |= !CueContext.PurposeBefore(text, body, hit.Start);
                    break;
                case Cue.May:
                    strong = CueContext.NoBefore(text, hit.Start, body);
                    break;
                case Cue.Yao or Cue.Ying:
                    strong = true;
                    break;
                case Cue.Xu:
                    strong = CueContext.ValidXu(text, hit, end);
                    break;
                case Cue.Negator:
                    e.Negated = true;
                    break;
                case Cue.Perception:
                    e.Perception = true;
                    break;
                case Cue.Counterfactual:
                    if (CueContext.ModalHaveWithoutParticiple(text, hit, end))
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
                    if (DeadlineContext.FiveYearPlanEnd(hit.Value.Number) < dates.Year)
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
                    if (chinese || CueContext.Completed(text, hit, end))
                    {
                        e.Perfective = true;
                        if (!chinese || text[hit.Start] is '了' or '被')
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
                    if (firstAuthority < 0 && hit.Start < body + (chinese ? 14 : 70) && !CueContext.Possessive(text, hit.End, end))
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
        YearAtStart(text, dates, body, zone, ref e);
        var verbAt = SentenceOpening.Opening(text, segment, facts, chinese, ref e);

        // 已 in the opening marks completed action, unless it sits inside the object of an opening verb (坚决防止已整改问题……).
        e.PerfectiveMain |= completedAt != int.MaxValue && !(e.Imperative && verbAt < completedAt);
        foreach (var deadline in facts.Deadlines)
        {
            e.DeadlineCue |= deadline.Explicit && !deadline.RolledOver && !deadline.IsBefore(dates.DocumentDate)
                && (!chinese || BindsAnAction(text, deadline.Span.End, end));
            e.PastAnchor |= deadline.Date is { } date && date < dates.DocumentDate && !deadline.RolledOver;
        }

        foreach (var actor in facts.Actors)
        {
            // 市审计局将于明年一季度核查: a unit's announced action.
            var after = actor.Span.End;
            while (after < end && text[after] is '还' or '也' or '都' or '亦')
            {
                after++;
            }

            if (chinese && after < end && text[after] == '将' && (after + 1 >= end || text[after + 1] is not ('近' or '来')))
            {
                e.Commitment = true;
            }

            // 由市政府督查室约谈: "by the supervision office" names who acts.
            var at = actor.Span.Start;
            if (chinese && at > body && text[at - 1] == '由' && (at - 1 == body || !CharClass.IsHan(text[at - 2])) && actor.Span.End < end && CharClass.IsHan(text[actor.Span.End]))
            {
                e.Commitment = true;
            }
        }

        if (segment.Has(SegmentShape.LeadIn))
        {
            e.AnnouncesRequirements = e.AnyStrong || Headings.AnnouncesRequirements(text, segment.Span);
        }

        return e;
    }

    /// <summary>Where a sentence's opening ends: its first comma, or a few words in.</summary>
    private static int StartZone(string text, int body, int end, bool chinese)
    {
        var limit = Math.Min(end, body + (chinese ? 16 : 64));
        for (var i = body; i < limit; i++)
        {
            if (text[i] is ',' or '，' or ':' or '：')
            {
                return i;
            }
        }

        return limit;
    }

    /// <summary>"In 2019, ..." or "2020年，...": a year before the document's sets the sentence in the past.</summary>
    private static void YearAtStart(string text, DeadlineContext dates, int body, int zone, ref Evidence e)
    {
        for (var i = body; i + 4 <= zone; i++)
        {
            if (!CharClass.IsDigit(text[i]) || (i > body && CharClass.IsWordChar(text[i - 1])))
            {
                continue;
            }

            var read = Numerals.Read(text, i, zone, out var year);
            if (read == 4 && DeadlineContext.ValidYear((int)year) && (i + 4 >= zone || !CharClass.IsDigit(text[i + 4])))
            {
                var followed = i + 4 < text.Length ? text[i + 4] : ' ';
                if (followed is '年' or ',' or '，' or ' ')
                {
                    if (year < dates.Year)
                    {
                        e.PastAtStart = true;
                        e.PastAnchor = true;
                    }
                    else if (year > dates.Year)
                    {
                        e.FutureAtStart = true;
                    }
                }

                return;
            }

            i += Math.Max(0, read - 1);
        }
    }

    /// <summary>A Chinese time limit binds an action (5月底前报送), unless it qualifies a noun (6月底前的工作).</summary>
    private static bool BindsAnAction(string text, int at, int end) => at < end && CharClass.IsHan(text[at]) && text[at] is not ('的' or '之');
}
