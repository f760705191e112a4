namespace Followthrough.Organization.Pages;

/// <summary>What the organization pages read from the query string (the gate itself is <see cref="Web.PageGate"/>).</summary>
internal static class PageAccess
{
    /// <summary>The filter of a list page: "active" (the default), "inactive" or "all".</summary>
    public static bool? ActiveFilter(string? status) => status switch
    {
        "all" => null,
        "inactive" => false,
        _ => true,
    };
}
