using Followthrough.Web;

namespace Followthrough.Accounts;

/// <summary>What a new personal API token must satisfy, shared by the API, the token page and the CLI.</summary>
public static class TokenRules
{
    internal const int MaxNameLength = 100;

    /// <summary>Adds a field-level message for each problem: the name is required, the expiry must lie ahead.</summary>
    public static void Check(string? name, DateTime? expiresAtUtc, DateTime nowUtc, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.Require("name", name, "Name", MaxNameLength);
        if (expiresAtUtc is { } expires && expires <= nowUtc)
        {
            errors.Add("expiresAt", "The expiry must be in the future.");
        }
    }

    /// <summary>A token that "expires on" a date stops working at the start of that day (00:00 UTC).</summary>
    public static DateTime ExpiryOn(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>A token works until it is revoked or its expiry has come.</summary>
    internal static bool IsUsable(DateTime? revokedAt, DateTime? expiresAt, DateTime nowUtc) =>
        revokedAt is null && (expiresAt is null || expiresAt > nowUtc);

    /// <summary>Times without a zone are taken as UTC; local times are converted.</summary>
    internal static DateTime? AsUtc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Local } local => local.ToUniversalTime(),
        { } other => DateTime.SpecifyKind(other, DateTimeKind.Utc),
    };
}
