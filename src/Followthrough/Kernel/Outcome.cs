namespace Followthrough.Kernel;

/// <summary>What became of a change or a question asked of a module.</summary>
public enum OutcomeKind
{
    Done,

    /// <summary>Bad input (400), field by field.</summary>
    Invalid,

    /// <summary>The record does not exist, or is not the caller's to know of (404).</summary>
    NotFound,

    /// <summary>The person may not do this (403).</summary>
    Forbidden,

    /// <summary>Not possible in the record's state or circumstances (409), with the steps that are.</summary>
    NotNow,

    /// <summary>Based on an older version of the record (409).</summary>
    Stale,

    /// <summary>Contradicts the state of other records (409), e.g. a unit with active sub-units.</summary>
    Conflict,
}

/// <summary>
/// The one result type of every module's changes: done (with the value), invalid fields, or refused with a reason.
/// The API, the pages and the command line each translate it their own way (status codes, messages, exit codes);
/// nothing was saved unless it is done.
/// </summary>
public sealed record Outcome<T>(
    OutcomeKind Kind,
    T? Value = default,
    string? Reason = null,
    IReadOnlyList<string>? Allowed = null,
    int? CurrentVersion = null,
    ValidationErrors? Errors = null)
{
    public bool IsDone => Kind == OutcomeKind.Done;

    /// <summary>What went wrong, without the value's type.</summary>
    public Refusal Refusal => IsDone
        ? throw new InvalidOperationException("A done outcome is not a refusal.")
        : new(Kind, Reason, Allowed ?? [], CurrentVersion, Errors);

    /// <summary>The same refusal carried over to another value type.</summary>
    public Outcome<TOther> As<TOther>() =>
        IsDone ? throw new InvalidOperationException("Only a refusal can be carried over.") : new(Kind, default, Reason, Allowed, CurrentVersion, Errors);
}

/// <summary>A refused outcome, whatever it would have returned: the kind, the reason, the steps that are possible
/// (by name), the current version (when stale) and the field errors (when invalid).</summary>
public sealed record Refusal(OutcomeKind Kind, string? Reason, IReadOnlyList<string> Allowed, int? CurrentVersion, ValidationErrors? Errors)
{
    public static Refusal Invalid(ValidationErrors errors) => new(OutcomeKind.Invalid, null, [], null, errors);
}

/// <summary>Makes outcomes: <c>Outcome.Done(task)</c>, <c>Outcome.NotFound&lt;Unit&gt;("The unit")</c>.</summary>
public static class Outcome
{
    public static Outcome<T> Done<T>(T value) => new(OutcomeKind.Done, value ?? throw new ArgumentNullException(nameof(value)));

    public static Outcome<T> Invalid<T>(ValidationErrors errors) =>
        new(OutcomeKind.Invalid, Errors: errors ?? throw new ArgumentNullException(nameof(errors)));

    /// <summary>Not found; <paramref name="what"/> names the record ("The task").</summary>
    public static Outcome<T> NotFound<T>(string what = "The record") => new(OutcomeKind.NotFound, Reason: what);

    public static Outcome<T> Forbidden<T>(string reason, IEnumerable<string>? allowed = null) =>
        new(OutcomeKind.Forbidden, Reason: reason, Allowed: [.. allowed ?? []]);

    public static Outcome<T> NotNow<T>(string reason, IEnumerable<string>? allowed = null) =>
        new(OutcomeKind.NotNow, Reason: reason, Allowed: [.. allowed ?? []]);

    public static Outcome<T> Stale<T>(int currentVersion) => new(OutcomeKind.Stale, CurrentVersion: currentVersion);

    public static Outcome<T> Conflict<T>(string reason) => new(OutcomeKind.Conflict, Reason: reason);
}
