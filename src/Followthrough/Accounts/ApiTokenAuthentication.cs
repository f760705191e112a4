using System.Data.Common;
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
/// revoked or expired tokens, and tokens of deactivated people, are refused. A module's read that this request also
/// needs (<see cref="IReadWithToken"/>) goes out in the same round trip.
/// </summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    DirectSql sql,
    IEnumerable<IReadWithToken> readsWithToken)
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

        var identity = CurrentUser.ToIdentity(found.Value.Person, found.Value.UserName, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>The token's row with its person's and account's (one indexed read on every API call).</summary>
    private const string TokenSql =
        """
        SELECT t.id, t.person_id, t.expires_at, t.revoked_at, p.name_zh, p.name_en, p.role, p.unit_id, p.is_active, a.user_name
        FROM api_tokens t JOIN people p ON p.id = t.person_id JOIN accounts a ON a.person_id = p.id
        WHERE t.token_hash = @hash
        """;

    /// <summary>What a read sent along may use as <c>caller</c>: the unit of the token's person.</summary>
    private const string CallerSql =
        "WITH caller AS (SELECT p.unit_id FROM api_tokens t JOIN people p ON p.id = t.person_id WHERE t.token_hash = @hash)";

    /// <summary>
    /// The token with its person and user name, sent directly (no EF Core); with a module's read for this request
    /// appended as a second statement of the same command, which both databases answer as a second result set.
    /// </summary>
    private Task<(ApiToken Token, Person Person, string UserName)?> FindAsync(string hash, CancellationToken cancellationToken)
    {
        var along = readsWithToken.FirstOrDefault(r => r.Wants(Request));
        return sql.ReadAsync<(ApiToken, Person, string)?>(
            along is null ? TokenSql : $"{TokenSql};\n{CallerSql}\n{along.Sql}",
            [("@hash", hash)],
            async (r, token) =>
            {
                var found = await r.ReadAsync(token) ? Found(r, hash) : ((ApiToken, Person, string)?)null;
                if (along is not null && await r.NextResultAsync(token))
                {
                    await along.ReadAsync(r, Context, token);
                }

                return found;
            },
            cancellationToken);
    }

    private static (ApiToken, Person, string) Found(DbDataReader r, string hash)
    {
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
    }
}
