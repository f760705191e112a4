using System.Text.Json.Serialization;

namespace Followthrough.Tasks;

/// <summary>Where a task stands in its cycle. Moves only through <see cref="TaskLifecycle"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TaskState>))]
public enum TaskState
{
    /// <summary>Being written by the supervision office; nobody else sees it yet (草稿).</summary>
    Draft,

    /// <summary>Handed to the lead unit (交办), waiting for it to sign for it.</summary>
    Assigned,

    /// <summary>The lead unit sent it back with a reason, e.g. not its competence (退回); the office reassigns or cancels.</summary>
    Returned,

    /// <summary>The lead unit accepted it (签收); no progress report yet.</summary>
    SignedFor,

    /// <summary>Under way, with progress reports (推进中).</summary>
    InProgress,

    /// <summary>The unit claims completion with evidence (申请办结); the office verifies.</summary>
    CompletionClaimed,

    /// <summary>Verified and closed (销号).</summary>
    Closed,

    /// <summary>Withdrawn with a reason (撤销).</summary>
    Cancelled,
}

public static class TaskStates
{
    /// <summary>The states in which the lead unit owes work against the deadline: what "overdue" and "due soon" look at.</summary>
    public static readonly IReadOnlyList<TaskState> Running = [TaskState.Assigned, TaskState.SignedFor, TaskState.InProgress];

    /// <summary>The states in which progress reports are owed.</summary>
    public static readonly IReadOnlyList<TaskState> Reporting = [TaskState.SignedFor, TaskState.InProgress];

    /// <summary>Assigned and not finished: running, or waiting for verification.</summary>
    public static bool IsOpen(this TaskState state) =>
        state is TaskState.Assigned or TaskState.SignedFor or TaskState.InProgress or TaskState.CompletionClaimed;

    public static bool IsRunning(this TaskState state) =>
        state is TaskState.Assigned or TaskState.SignedFor or TaskState.InProgress;
}
