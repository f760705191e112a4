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
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    DirectSql sql)
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
        if (found is null || !found.Value.Token.IsUsable(TimeProvider.GetUtcNow().UtcDateTime) || !found.Value.Person.IsActive)
        {
            return AuthenticateResult.Fail("The API token is unknown, revoked or expired.");
        }

        var identity = SignInClaims.ToIdentity(found.Value.Person, found.Value.UserName, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>The token with its person and user name: one indexed read on every API call, so sent directly.</summary>
    private Task<(ApiToken Token, Person Person, string UserName)?> FindAsync(string hash, CancellationToken cancellationToken) =>
        sql.ReadAsync<(ApiToken, Person, string)?>(
            """
            SELECT t.id, t.person_id, t.expires_at, t.revoked_at, p.name_zh, p.name_en, p.role, p.unit_id, p.is_active, a.user_name
            FROM api_tokens t JOIN people p ON p.id = t.person_id JOIN accounts a ON a.person_id = p.id
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
                var person = new Person
                {
                    Id = apiToken.PersonId,
                    NameZh = r.GetString(4),
                    NameEn = r.GetString(5),
                    Role = Enum.Parse<Role>(r.GetString(6)),
                    UnitId = r.IsDBNull(7) ? null : r.GetInt32(7),
                    IsActive = r.GetBoolean(8),
                };
                return (apiToken, person, r.GetString(9));
            },
            cancellationToken);
}
