using Followthrough.Web;

namespace Followthrough.Organization;

/// <summary>Why a change was refused as a whole (as opposed to invalid fields).</summary>
public enum RefusalKind
{
    /// <summary>The record does not exist.</summary>
    NotFound,

    /// <summary>The change was based on an older version of the record.</summary>
    Stale,

    /// <summary>The change contradicts the state of other records (e.g. active sub-units).</summary>
    Conflict,
}

public sealed record Refusal(RefusalKind Kind, string Message, int? CurrentVersion = null);

/// <summary>
/// The result of a change asked of a service: done (with the record), invalid fields, or refused. The API, the
/// pages and the CLI each turn it into their own answer; nothing was saved unless it is done.
/// </summary>
public sealed class Outcome<T>
    where T : class
{
    internal Outcome(T? value, ValidationErrors? errors, Refusal? refusal)
    {
        Value = value;
        Errors = errors;
        Refusal = refusal;
    }

    public T? Value { get; }

    public ValidationErrors? Errors { get; }

    public Refusal? Refusal { get; }

    public bool Succeeded => Value is not null;
}

/// <summary>Makes <see cref="Outcome{T}"/> values.</summary>
public static class Outcome
{
    public static Outcome<T> Done<T>(T value)
        where T : class => new(value ?? throw new ArgumentNullException(nameof(value)), null, null);

    public static Outcome<T> Invalid<T>(ValidationErrors errors)
        where T : class => new(null, errors ?? throw new ArgumentNullException(nameof(errors)), null);

    public static Outcome<T> NotFound<T>(string what)
        where T : class => new(null, null, new Refusal(RefusalKind.NotFound, what));

    public static Outcome<T> Stale<T>(int currentVersion)
        where T : class => new(null, null, new Refusal(RefusalKind.Stale, OrganizationMessages.Stale, currentVersion));

    public static Outcome<T> Conflict<T>(string message)
        where T : class => new(null, null, new Refusal(RefusalKind.Conflict, message));
}
