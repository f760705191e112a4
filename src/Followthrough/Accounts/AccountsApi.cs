using System.Globalization;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Accounts;

/// <summary>
/// Who am I, and my personal API tokens. Administrators also list and revoke anyone's tokens. A token's secret
/// leaves the server once, in the answer that creates it.
/// </summary>
internal static class AccountsApi
{
    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder api)
    {
        var me = api.MapGroup("/me").RequireAuthorization().WithTags("Accounts");
        me.MapGet("", GetMeAsync).WithName("GetMe").WithSummary("Who the caller is: person, role and unit.");
        me.MapGet("/tokens", ListMyTokensAsync).WithName("ListMyTokens").WithSummary("The caller's API tokens, newest first (never their secrets).");
        me.MapGet("/tokens/{id:int}", GetMyTokenAsync).WithName("GetMyToken").WithSummary("One of the caller's API tokens.");
        me.MapPost("/tokens", CreateMyTokenAsync).WithName("CreateMyToken").WithSummary("Creates an API token; the answer holds its secret, shown only this once.");
        me.MapDelete("/tokens/{id:int}", RevokeMyTokenAsync).WithName("RevokeMyToken").WithSummary("Revokes one of the caller's API tokens; it stops working at once.");

        var people = api.MapGroup("/people/{personId:int}/tokens").RequireAuthorization().WithTags("Accounts");
        people.MapGet("", ListPersonTokensAsync).WithName("ListPersonTokens").WithSummary("A person's API tokens (administrators).");
        people.MapDelete("/{id:int}", RevokePersonTokenAsync).WithName("RevokePersonToken").WithSummary("Revokes anyone's API token (administrators).");
        api.MapDelete("/people/{personId:int}/sessions", EndPersonSessionsAsync).RequireAuthorization().WithTags("Accounts")
            .WithName("EndPersonSessions").WithSummary("Ends every signed-in session of a person at once (administrators); their API tokens stay.");
        return api;
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> GetMeAsync(CurrentUser user, FollowthroughDb db, OrganizationDirectory organization, CancellationToken cancellationToken)
    {
        var userName = await db.Set<Account>().AsNoTracking().Where(a => a.PersonId == user.PersonId).Select(a => a.UserName).SingleOrDefaultAsync(cancellationToken);
        var person = userName is null || user.PersonId is not { } personId ? null : await organization.PersonAsync(personId, cancellationToken);
        if (person is null)
        {
            return Problems.NotFound("Your person record");
        }

        var found = person.UnitId is { } unitId ? await organization.UnitAsync(unitId, cancellationToken) : null;
        var unit = found is null ? null : new UnitSummary(found.Id, found.Code, found.NameZh, found.NameEn);
        return TypedResults.Ok(new MeResponse(person.Id, userName!, person.NameZh, person.NameEn, person.Title, person.Role.ToString(), unit));
    }

    private static async Task<Results<Ok<Paged<TokenResponse>>, ValidationProblem>> ListMyTokensAsync(
        int? page, int? pageSize, CurrentUser user, TokenService tokens, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var request = PageRequest.From(page, pageSize, errors);
        return errors.IsEmpty
            ? TypedResults.Ok(await PageOfAsync(user.PersonId!.Value, request, tokens, cancellationToken))
            : Problems.Invalid(errors);
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> GetMyTokenAsync(
        int id, CurrentUser user, TokenService tokens, CancellationToken cancellationToken) =>
        await tokens.FindAsync(user.PersonId!.Value, id, cancellationToken) is { } token
            ? TypedResults.Ok(TokenResponse.From(token))
            : Problems.NotFound("The token");

    private static async Task<Results<Created<CreatedTokenResponse>, ValidationProblem>> CreateMyTokenAsync(
        CreateTokenRequest request, CurrentUser user, TokenService tokens, TimeProvider clock, CancellationToken cancellationToken)
    {
        var expiresAt = TokenRules.AsUtc(request.ExpiresAt);
        var errors = new ValidationErrors();
        TokenRules.Check(request.Name, expiresAt, clock.GetUtcNow().UtcDateTime, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var created = await tokens.CreateAsync(user.PersonId!.Value, request.Name!, expiresAt, cancellationToken);
        var location = string.Create(CultureInfo.InvariantCulture, $"/api/v1/me/tokens/{created.Token.Id}");
        return TypedResults.Created(location, CreatedTokenResponse.From(created));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeMyTokenAsync(
        int id, CurrentUser user, TokenService tokens, CancellationToken cancellationToken) =>
        await tokens.RevokeAsync(user.PersonId!.Value, id, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound("The token"); // also for someone else's token: its existence is not revealed

    private static async Task<Results<Ok<Paged<TokenResponse>>, ValidationProblem, ProblemHttpResult>> ListPersonTokensAsync(
        int personId, int? page, int? pageSize, CurrentUser user, TokenService tokens, CancellationToken cancellationToken)
    {
        if (!AccountPermissions.CanManageAnyonesTokens(user))
        {
            return Problems.Forbidden("Only administrators manage other people's API tokens.");
        }

        var errors = new ValidationErrors();
        var request = PageRequest.From(page, pageSize, errors);
        return errors.IsEmpty
            ? TypedResults.Ok(await PageOfAsync(personId, request, tokens, cancellationToken))
            : Problems.Invalid(errors);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokePersonTokenAsync(
        int personId, int id, CurrentUser user, TokenService tokens, CancellationToken cancellationToken)
    {
        if (!AccountPermissions.CanManageAnyonesTokens(user))
        {
            return Problems.Forbidden("Only administrators revoke other people's API tokens.");
        }

        return await tokens.RevokeAsync(personId, id, cancellationToken) ? TypedResults.NoContent() : Problems.NotFound("The token");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> EndPersonSessionsAsync(
        int personId, CurrentUser user, AccountService accounts, CancellationToken cancellationToken)
    {
        if (!AccountPermissions.CanEndAnyonesSessions(user))
        {
            return Problems.Forbidden("Only administrators end other people's sessions.");
        }

        return await accounts.EndSessionsAsync(personId, "sessions-ended", cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound("The person's sign-in");
    }

    private static async Task<Paged<TokenResponse>> PageOfAsync(int personId, PageRequest request, TokenService tokens, CancellationToken cancellationToken)
    {
        var (items, total) = await tokens.PageAsync(personId, request.Skip, request.PageSize, cancellationToken);
        return new Paged<TokenResponse>([.. items.Select(TokenResponse.From)], request.Page, request.PageSize, total);
    }
}

internal sealed record UnitSummary(int Id, string Code, string NameZh, string NameEn);

internal sealed record MeResponse(int Id, string UserName, string NameZh, string NameEn, string Title, string Role, UnitSummary? Unit);

/// <param name="Name">What the token is for, e.g. "monthly report script" (required, at most 100 characters).</param>
/// <param name="ExpiresAt">When it stops working (UTC; must lie ahead). Without it the token works until revoked.</param>
internal sealed record CreateTokenRequest(string? Name, DateTime? ExpiresAt);

/// <summary>A token as lists show it: never its secret, only the first characters to recognise it by.</summary>
internal sealed record TokenResponse(int Id, string Name, string Prefix, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? RevokedAt)
{
    public static TokenResponse From(TokenSummary token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new(token.Id, token.Name, token.Prefix, token.CreatedAt, token.ExpiresAt, token.RevokedAt);
    }
}

/// <summary>A new token with its secret: store it now, it is never shown again.</summary>
internal sealed record CreatedTokenResponse(int Id, string Name, string Prefix, DateTime CreatedAt, DateTime? ExpiresAt, string Secret)
{
    public static CreatedTokenResponse From(CreatedToken created)
    {
        ArgumentNullException.ThrowIfNull(created);
        var t = created.Token;
        return new(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, created.Secret);
    }
}
