using Followthrough.Organization;
using Followthrough.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Accounts;

/// <summary>
/// The web sign-in cookie. API calls are never redirected to the sign-in page: they get 401 or 403. A cookie of
/// a person who has since been deactivated, or whose role or unit changed, or whose sign-in has a new security stamp
/// (signed out elsewhere, password changed, sessions ended by an administrator) stops working at the next request:
/// one read by primary key of the sign-in, which carries the person's standing, per request and nothing kept, so the
/// end takes effect at once on every instance.
/// The cookie is Secure whenever the request is HTTPS (behind a proxy: see the forwarded-headers settings).
/// </summary>
internal static class SignInCookie
{
    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "ft.session";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        options.LoginPath = "/sign-in";
        options.AccessDeniedPath = "/forbidden";
        options.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
        options.Events.OnValidatePrincipal = ValidateAsync;
    }

    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var user = CurrentUser.From(context.Principal!);
        if (!user.IsSignedIn)
        {
            return;
        }

        var stamp = context.Principal!.FindFirst(SignInClaims.StampClaim)?.Value;
        var services = context.HttpContext.RequestServices;
        var aborted = context.HttpContext.RequestAborted;
        var personId = user.PersonId!.Value;
        var sign = await services.GetRequiredService<HandWrittenSql.RequestReads>().ReadAsync<(string Stamp, PersonEntry? Person)?>(
            """
            SELECT security_stamp, person_name_zh, person_role, person_unit_id, person_is_active
            FROM accounts WHERE person_id = @id
            """,
            [("@id", personId)],
            async (r, token) => await r.ReadAsync(token) ? (r.GetString(0), ApiTokenAuthentication.StandingOf(r, personId, 1)) : null,
            aborted);
        var current = sign?.Stamp;

        // The standing comes with the stamp (one read); a sign-in without it asks the directory.
        var person = sign is null ? null : sign.Value.Person ?? await services.GetRequiredService<PersonLookup>().FindAsync(personId, aborted);
        if (person is null || !person.IsActive || person.Role != user.Role || person.UnitId != user.UnitId
            || stamp is null || !string.Equals(stamp, current, StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
