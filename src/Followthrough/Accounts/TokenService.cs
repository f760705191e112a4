using System.Security.Cryptography;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Accounts;

/// <summary>Personal API tokens: created for oneself, listed without their secret, revoked for good.</summary>
public sealed class TokenService(FollowthroughDb db)
{
    /// <summary>Creates a token; the returned secret is the only time it exists in clear text.</summary>
    public async Task<CreatedToken> CreateAsync(int personId, string name, DateTime? expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var secret = ApiTokenAuthentication.TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            PersonId = personId,
            Name = name.Trim(),
            Prefix = secret[..10],
            TokenHash = ApiTokenAuthentication.Hash(secret),
            CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
            ExpiresAt = expiresAt,
        };
        db.Set<ApiToken>().Add(token);
        db.DescribeNextSave("token-created");
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedToken(token.ToSummary(), secret);
    }

    /// <summary>The person's tokens, newest first (a person has a handful, so the page shows them all).</summary>
    internal async Task<IReadOnlyList<TokenSummary>> ListAsync(int personId, CancellationToken cancellationToken = default) =>
        await Summaries(OfPerson(personId)).ToListAsync(cancellationToken);

    /// <summary>One page of the person's tokens, newest first, and how many there are.</summary>
    internal async Task<(IReadOnlyList<TokenSummary> Items, int Total)> PageAsync(int personId, int skip, int take, CancellationToken cancellationToken = default)
    {
        var total = await OfPerson(personId).CountAsync(cancellationToken);
        var items = await Summaries(OfPerson(personId).Skip(skip).Take(take)).ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>One of the person's tokens, or null when they have no token with that id.</summary>
    internal Task<TokenSummary?> FindAsync(int personId, int tokenId, CancellationToken cancellationToken = default) =>
        Summaries(db.Set<ApiToken>().Where(t => t.Id == tokenId && t.PersonId == personId)).SingleOrDefaultAsync(cancellationToken);

    private IQueryable<ApiToken> OfPerson(int personId) =>
        db.Set<ApiToken>().Where(t => t.PersonId == personId).OrderByDescending(t => t.Id);

    private static IQueryable<TokenSummary> Summaries(IQueryable<ApiToken> tokens) =>
        tokens.Select(t => new TokenSummary(t.Id, t.PersonId, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt));

    /// <summary>Revokes one of the person's tokens; false when there is no such token of theirs.</summary>
    public async Task<bool> RevokeAsync(int personId, int tokenId, CancellationToken cancellationToken = default)
    {
        var token = await db.Set<ApiToken>().SingleOrDefaultAsync(t => t.Id == tokenId && t.PersonId == personId, cancellationToken);
        if (token is null)
        {
            return false;
        }

        if (token.RevokedAt is null)
        {
            token.RevokedAt = db.Clock.GetUtcNow().UtcDateTime;
            db.DescribeNextSave("token-revoked");
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>A new token and its secret, which is shown once and never stored.</summary>
public sealed record CreatedToken(TokenSummary Token, string Secret);

/// <summary>
/// A personal API token as its owner, an administrator or the command line sees it: never its secret or hash, only the
/// first characters (<see cref="Prefix"/>) to tell it apart by.
/// </summary>
public sealed record TokenSummary(int Id, int PersonId, string Name, string Prefix, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? RevokedAt)
{
    /// <summary>True while the token works: not revoked, and its expiry (if any) still ahead.</summary>
    public bool IsUsable(DateTime nowUtc) => TokenRules.IsUsable(RevokedAt, ExpiresAt, nowUtc);
}
