using static Followthrough.Tasks.TaskAction;
using static Followthrough.Tasks.TaskCondition;
using static Followthrough.Tasks.TaskRole;
using static Followthrough.Tasks.TaskState;

namespace Followthrough.Tasks;

/// <summary>One line of the lifecycle table: in this state, this part may take this step, which leads there.</summary>
internal sealed record TaskTransition(TaskState From, TaskAction Action, TaskRole Role, TaskState To, TaskCondition Requires = TaskCondition.None);

/// <summary>
/// The task cycle as a table: (state, step, part) → next state. The API, the pages and the command line all ask it,
/// so a step refused in one place is refused everywhere. Supervisors and, for sub-tasks, the coordinating lead unit
/// steer; the lead unit does the work; observers only read.
/// </summary>
internal static class TaskLifecycle
{
    private static readonly TaskState[] Deciding = [SignedFor, InProgress, CompletionClaimed];

    public static readonly IReadOnlyList<TaskTransition> Table = Build();

    /// <summary>Decides one step: allowed (with the next state), not this person's part (403), or not now (409).</summary>
    public static TaskDecision Decide(TaskState state, TaskAction action, TaskRole? role, TaskFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (role is null || !Table.Any(t => t.Action == action && t.Role == role))
        {
            return new TaskDecision(TaskVerdict.NotYourPart, null, "Your part on this task does not include this step.");
        }

        var lines = Table.Where(t => t.From == state && t.Action == action && t.Role == role).ToList();
        if (lines.Count == 0)
        {
            return new TaskDecision(TaskVerdict.NotNow, null, $"A task that is {state} cannot take the step '{action.Name()}'.");
        }

        var line = lines.FirstOrDefault(t => t.Requires.Holds(facts));
        return line is null
            ? new TaskDecision(TaskVerdict.NotNow, null, lines[0].Requires.Explain())
            : new TaskDecision(TaskVerdict.Allowed, line.To, null);
    }

    /// <summary>The steps this part may take now, in table order, each once.</summary>
    public static IReadOnlyList<TaskAction> Allowed(TaskState state, TaskRole? role, TaskFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return role is null
            ? []
            : [.. Table.Where(t => t.From == state && t.Role == role && t.Requires.Holds(facts)).Select(t => t.Action).Distinct()];
    }

    private static List<TaskTransition> Build()
    {
        var table = new List<TaskTransition>
        {
            new(Draft, Assign, Supervisor, Assigned),
            new(Draft, Cancel, Supervisor, Cancelled),

            new(Assigned, SignFor, LeadUnit, SignedFor),
            new(Assigned, TaskAction.Return, LeadUnit, Returned),
            new(Returned, Assign, Supervisor, Assigned),
            new(Returned, Assign, Coordinator, Assigned),

            new(SignedFor, ReportProgress, LeadUnit, InProgress),
            new(InProgress, ReportProgress, LeadUnit, InProgress),
            new(SignedFor, ClaimCompletion, LeadUnit, CompletionClaimed, Evidence),
            new(InProgress, ClaimCompletion, LeadUnit, CompletionClaimed, Evidence),
            new(InProgress, ReturnReport, Supervisor, InProgress, ReturnableReport),
            new(InProgress, ReturnReport, Coordinator, InProgress, ReturnableReport),

            new(CompletionClaimed, Verify, Supervisor, Closed),
            new(CompletionClaimed, Verify, Coordinator, Closed),
            new(CompletionClaimed, SendBack, Supervisor, InProgress),
            new(CompletionClaimed, SendBack, Coordinator, InProgress),
            new(Closed, Reopen, Supervisor, InProgress),
            new(Closed, Reopen, Coordinator, InProgress),
        };

        foreach (var state in new[] { SignedFor, InProgress })
        {
            table.Add(new(state, RequestExtension, LeadUnit, state, NoPendingExtension));
            table.Add(new(state, Split, LeadUnit, state, UnsplitPartners));
            table.Add(new(state, Split, Supervisor, state, UnsplitPartners));
        }

        foreach (var state in Deciding)
        {
            foreach (var role in new[] { Supervisor, Coordinator })
            {
                table.Add(new(state, ApproveExtension, role, state, PendingExtension));
                table.Add(new(state, RefuseExtension, role, state, PendingExtension));
            }
        }

        foreach (var state in new[] { Assigned, Returned, SignedFor, InProgress, CompletionClaimed })
        {
            table.Add(new(state, Cancel, Supervisor, Cancelled));
            table.Add(new(state, Cancel, Coordinator, Cancelled));
        }

        return table;
    }
}

internal enum TaskVerdict
{
    Allowed,

    /// <summary>The person's part never includes this step (403).</summary>
    NotYourPart,

    /// <summary>The step exists for this part, but not in this state or not under these facts (409).</summary>
    NotNow,
}

internal sealed record TaskDecision(TaskVerdict Verdict, TaskState? Next, string? Reason)
{
    public bool IsAllowed => Verdict == TaskVerdict.Allowed;
}
