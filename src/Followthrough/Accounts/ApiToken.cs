namespace Followthrough.Accounts;

/// <summary>
/// A personal token for the REST API. Only its SHA-256 hash is stored; the token itself is shown once, when created.
/// </summary>
internal sealed class ApiToken
{
    public int Id { get; set; }

    public int PersonId { get; set; }

    public required string Name { get; set; }

    /// <summary>The first characters of the token, shown in lists so the owner can tell tokens apart.</summary>
    public required string Prefix { get; set; }

    public required string TokenHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public bool IsUsable(DateTime nowUtc) => TokenRules.IsUsable(RevokedAt, ExpiresAt, nowUtc);

    public TokenSummary ToSummary() => new(Id, PersonId, Name, Prefix, CreatedAt, ExpiresAt, RevokedAt);
}
