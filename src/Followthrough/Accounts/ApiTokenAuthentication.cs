using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Followthrough.Organization;
using Followthrough.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
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
    FollowthroughDb db)
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

        var hash = Hash(token);
        var now = TimeProvider.GetUtcNow().UtcDateTime;
        var found = await (
            from t in db.Set<ApiToken>().AsNoTracking()
            join p in db.Set<Person>().AsNoTracking() on t.PersonId equals p.Id
            join a in db.Set<Account>().AsNoTracking() on p.Id equals a.PersonId
            where t.TokenHash == hash
            select new { Token = t, Person = p, a.UserName }).SingleOrDefaultAsync(Context.RequestAborted);

        if (found is null || !found.Token.IsUsable(now) || !found.Person.IsActive)
        {
            return AuthenticateResult.Fail("The API token is unknown, revoked or expired.");
        }

        var identity = CurrentUser.ToIdentity(found.Person, found.UserName, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
