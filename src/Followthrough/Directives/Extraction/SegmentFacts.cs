namespace Followthrough.Directives.Extraction;

/// <summary>What was found in one segment; the lists are reused from segment to segment.</summary>
internal sealed class SegmentFacts
{
    public List<KeywordHit<CueWord>> Cues { get; } = [];

    public List<ActorMatch> Actors { get; } = [];

    public List<DeadlineMatch> Deadlines { get; } = [];

    public void Clear()
    {
        Cues.Clear();
        Actors.Clear();
        Deadlines.Clear();
    }
}

/// <summary>The evidence the detector weighs for one segment.</summary>
internal struct Evidence
{
    /// <summary>Duty, ban, assignment, exhortation: a directive whatever the tense around it.</summary>
    public bool Strong;

    /// <summary>A relayed requirement or a wish addressed to someone; past only if the sentence opens in the past.</summary>
    public bool Relayed;

    /// <summary>A commitment ("we will", 力争, "[unit] will"): a directive unless the context is the past.</summary>
    public bool Commitment;

    public bool Imperative;

    public bool ActorAction;

    public bool DeadlineCue;

    public bool Negated;

    public bool Perception;

    public bool PastAnchor;

    public bool PastAtStart;

    public bool FutureAtStart;

    public bool Perfective;

    /// <summary>Completed action in the main clause: 了, or 已 in the opening; in English any perfect or past.</summary>
    public bool PerfectiveMain;

    /// <summary>The subject is a part ("some departments", 一些部门): a description of how things are.</summary>
    public bool PartialSubject;

    public bool Narrative;

    public bool Praise;

    public bool Statistic;

    public bool Question;

    public bool Background;

    public bool Suggested;

    public bool UnitActor;

    public bool AnnouncesRequirements;

    public readonly bool AnyStrong => Strong || Relayed;
}
