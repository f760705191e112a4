using Followthrough.Web;

namespace Followthrough.Tasks;

public enum OutcomeKind
{
    Done,
    NotFound,

    /// <summary>The person may not do this on this task (403).</summary>
    Forbidden,

    /// <summary>Not possible in the task's state or circumstances (409), with the steps that are.</summary>
    NotNow,

    /// <summary>Based on an older version (409).</summary>
    Stale,

    /// <summary>Bad input (400), field by field.</summary>
    Invalid,
}

/// <summary>
/// What became of a request to the task service, in terms the API (status codes), the pages (messages) and the
/// command line (exit codes) each translate their own way.
/// </summary>
public sealed record TaskOutcome<T>(
    OutcomeKind Kind,
    T? Value = default,
    string? Reason = null,
    IReadOnlyList<TaskAction>? Allowed = null,
    int? CurrentVersion = null,
    ValidationErrors? Errors = null)
{
    public bool IsDone => Kind == OutcomeKind.Done;

    /// <summary>What went wrong, without the result type.</summary>
    public TaskFailure Failure => new(Kind, Reason, Allowed ?? [], CurrentVersion, Errors);

    /// <summary>The same failure carried over to another result type.</summary>
    public TaskOutcome<TOther> As<TOther>() =>
        IsDone ? throw new InvalidOperationException("Only a failure can be carried over.") : new(Kind, default, Reason, Allowed, CurrentVersion, Errors);
}

/// <summary>A refused outcome, whatever it would have returned.</summary>
public sealed record TaskFailure(OutcomeKind Kind, string? Reason, IReadOnlyList<TaskAction> Allowed, int? CurrentVersion, ValidationErrors? Errors);

/// <summary>Makes outcomes: <c>Outcome.Done(task)</c>, <c>Outcome.NotFound&lt;WorkTask&gt;()</c>.</summary>
public static class Outcome
{
    public static TaskOutcome<T> Done<T>(T value) => new(OutcomeKind.Done, value);

    public static TaskOutcome<T> NotFound<T>(string reason = "The task was not found.") => new(OutcomeKind.NotFound, Reason: reason);

    public static TaskOutcome<T> Forbidden<T>(string reason, IReadOnlyList<TaskAction>? allowed = null) =>
        new(OutcomeKind.Forbidden, Reason: reason, Allowed: allowed ?? []);

    public static TaskOutcome<T> NotNow<T>(string reason, IReadOnlyList<TaskAction> allowed) =>
        new(OutcomeKind.NotNow, Reason: reason, Allowed: allowed);

    public static TaskOutcome<T> Stale<T>(int currentVersion) => new(OutcomeKind.Stale, CurrentVersion: currentVersion);

    public static TaskOutcome<T> Invalid<T>(ValidationErrors errors) => new(OutcomeKind.Invalid, Errors: errors);
}
