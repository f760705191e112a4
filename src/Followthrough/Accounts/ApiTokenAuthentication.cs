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
        if (found is not { } usable || !usable.Token.IsUsable(TimeProvider.GetUtcNow().UtcDateTime))
        {
            return Refused;
        }

        // The person's standing comes with the token (one read); a sign-in without it asks the directory.
        var person = usable.Person ?? await people.FindAsync(usable.Token.PersonId, Context.RequestAborted);
        if (person is not { IsActive: true })
        {
            return Refused;
        }

        var identity = SignInClaims.ToIdentity(person, usable.UserName, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private static AuthenticateResult Refused => AuthenticateResult.Fail("The API token is unknown, revoked or expired.");

    /// <summary>The token with its owner's user name and standing (null when the sign-in has none yet): one indexed read
    /// on every API call, so sent directly.</summary>
    private Task<(ApiToken Token, string UserName, PersonEntry? Person)?> FindAsync(string hash, CancellationToken cancellationToken) =>
        sql.ReadAsync<(ApiToken, string, PersonEntry?)?>(
            """
            SELECT t.id, t.person_id, t.expires_at, t.revoked_at, a.user_name,
                   a.person_name_zh, a.person_role, a.person_unit_id, a.person_is_active
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
                return (apiToken, r.GetString(4), StandingOf(r, apiToken.PersonId, 5));
            },
            cancellationToken);

    /// <summary>
    /// The person's standing as kept on the sign-in, read from columns <paramref name="first"/> on (name, role, unit,
    /// active), as the directory's record; null when the sign-in has none. Only what the checks use is kept: the
    /// English name and title stay empty.
    /// </summary>
    internal static PersonEntry? StandingOf(System.Data.Common.DbDataReader reader, int personId, int first) =>
        reader.IsDBNull(first) || reader.IsDBNull(first + 1) || reader.IsDBNull(first + 3)
            ? null
            : new PersonEntry(
                personId, reader.GetString(first), string.Empty, string.Empty, reader.IsDBNull(first + 2) ? null : reader.GetInt32(first + 2),
                Enum.Parse<Role>(reader.GetString(first + 1)), reader.GetBoolean(first + 3));
}
