namespace Followthrough.Tasks.Pages;

/// <summary>What the task pages read from the query string (the gate itself is <see cref="Web.PageGate"/>).</summary>
internal static class TaskPageAccess
{
    /// <summary>Parses an enum from a query string, ignoring case; null when empty or unknown.</summary>
    public static T? Parse<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
}
