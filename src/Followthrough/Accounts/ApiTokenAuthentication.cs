using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Followthrough.Organization;
using Followthrough.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Followthrough.Accounts;

/// <summary>
/// Authenticates REST API calls that carry <c>Authorization: Bearer ft_...</c>. The token is hashed and looked up;
/// revoked or expired tokens, and tokens of deactivated people, are refused.
/// </summary>
internal sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    HandWrittenSql.RequestReads sql,
    PersonLookup people)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string TokenPrefix = "ft_";

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool HasBearer(string? authorization) =>
        authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? authorization = Request.Headers.Authorization;
        if (!HasBearer(authorization))
        {
            return AuthenticateResult.NoResult();
        }

        var token = authorization!["Bearer ".Length..].Trim();
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return AuthenticateResult.Fail("The bearer token is not a Followthrough API token.");
        }

        var found = await FindAsync(Hash(token), Context.RequestAborted);
        var person = found is null ? null : await people.FindAsync(found.Value.Token.PersonId, Context.RequestAborted);
        if (found is null || !found.Value.Token.IsUsable(TimeProvider.GetUtcNow().UtcDateTime) || person is not { IsActive: true })
        {
            return AuthenticateResult.Fail("The API token is unknown, revoked or expired.");
        }

        var identity = SignInClaims.ToIdentity(person, found.Value.UserName, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>The token with its owner's user name: one indexed read on every API call, so sent directly (the person
    /// is Organization's, read next by <see cref="PersonLookup"/>).</summary>
    private Task<(ApiToken Token, string UserName)?> FindAsync(string hash, CancellationToken cancellationToken) =>
        sql.ReadAsync<(ApiToken, string)?>(
            """
            SELECT t.id, t.person_id, t.expires_at, t.revoked_at, a.user_name
            FROM api_tokens t JOIN accounts a ON a.person_id = t.person_id
            WHERE t.token_hash = @hash
            """,
            [("@hash", hash)],
            async (r, token) =>
            {
                if (!await r.ReadAsync(token))
                {
                    return null;
                }

                var apiToken = new ApiToken
                {
                    Id = r.GetInt32(0),
                    PersonId = r.GetInt32(1),
                    Name = string.Empty,
                    Prefix = string.Empty,
                    TokenHash = hash,
                    ExpiresAt = r.IsDBNull(2) ? null : r.GetDateTime(2),
                    RevokedAt = r.IsDBNull(3) ? null : r.GetDateTime(3),
                };
                return (apiToken, r.GetString(4));
            },
            cancellationToken);
}
