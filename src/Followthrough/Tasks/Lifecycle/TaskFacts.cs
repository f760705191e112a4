namespace Followthrough.Tasks;

/// <summary>What, besides its state, decides whether a step is possible now.</summary>
internal sealed record TaskFacts(
    bool HasPendingExtension = false,
    bool HasUnsplitPartners = false,
    bool HasReturnableReport = false,
    bool HasEvidence = false);

/// <summary>A condition a step needs beyond the state, with the words to explain a refusal.</summary>
internal enum TaskCondition
{
    None,
    NoPendingExtension,
    PendingExtension,
    UnsplitPartners,
    ReturnableReport,
    Evidence,
}

internal static class TaskConditions
{
    public static bool Holds(this TaskCondition condition, TaskFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return condition switch
        {
            TaskCondition.NoPendingExtension => !facts.HasPendingExtension,
            TaskCondition.PendingExtension => facts.HasPendingExtension,
            TaskCondition.UnsplitPartners => facts.HasUnsplitPartners,
            TaskCondition.ReturnableReport => facts.HasReturnableReport,
            TaskCondition.Evidence => facts.HasEvidence,
            _ => true,
        };
    }

    public static string Explain(this TaskCondition condition) => condition switch
    {
        TaskCondition.NoPendingExtension => "An extension request is already waiting for a decision.",
        TaskCondition.PendingExtension => "There is no extension request waiting for a decision.",
        TaskCondition.UnsplitPartners => "Every co-operating unit already has its sub-task (or there are none).",
        TaskCondition.ReturnableReport => "There is no accepted progress report to return.",
        TaskCondition.Evidence => "Completion needs evidence: attach at least one file.",
        _ => string.Empty,
    };
}
