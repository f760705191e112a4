using Followthrough.Web;

namespace Followthrough.Plans;

public enum EditFailure
{
    None,
    NotFound,
    Invalid,
    Stale,
    Conflict,
    Forbidden,
}

/// <summary>The outcome of a change: the saved record, or why nothing was saved (the API and the forms word it).</summary>
public sealed class EditResult<T>
    where T : class
{
    internal EditResult(T? value, EditFailure failure, ValidationErrors? errors, int currentVersion, string? message)
    {
        Value = value;
        Failure = failure;
        Errors = errors;
        CurrentVersion = currentVersion;
        Message = message;
    }

    public T? Value { get; }

    public EditFailure Failure { get; }

    public ValidationErrors? Errors { get; }

    /// <summary>For <see cref="EditFailure.Stale"/>: the version the record has now.</summary>
    public int CurrentVersion { get; }

    /// <summary>For <see cref="EditFailure.Conflict"/>: why the change cannot be made.</summary>
    public string? Message { get; }

    public bool Succeeded => Failure == EditFailure.None;
}

/// <summary>Builds <see cref="EditResult{T}"/> values.</summary>
public static class EditResult
{
    public static EditResult<T> Ok<T>(T value) where T : class => new(value, EditFailure.None, null, 0, null);

    public static EditResult<T> NotFound<T>() where T : class => new(null, EditFailure.NotFound, null, 0, null);

    public static EditResult<T> Invalid<T>(ValidationErrors errors) where T : class => new(null, EditFailure.Invalid, errors, 0, null);

    public static EditResult<T> Stale<T>(int currentVersion) where T : class => new(null, EditFailure.Stale, null, currentVersion, null);

    public static EditResult<T> Conflict<T>(string message) where T : class => new(null, EditFailure.Conflict, null, 0, message);

    public static EditResult<T> Forbidden<T>(string message) where T : class => new(null, EditFailure.Forbidden, null, 0, message);
}
