using Followthrough.Organization;
using Followthrough.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Accounts;

/// <summary>
/// The web sign-in cookie. API calls are never redirected to the sign-in page: they get 401 or 403. A cookie of
/// a person who has since been deactivated, or whose role or unit changed, stops working at the next request.
/// </summary>
public static class SignInCookie
{
    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "ft.session";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
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

        var db = context.HttpContext.RequestServices.GetRequiredService<FollowthroughDb>();
        var person = await db.Set<Person>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == user.PersonId, context.HttpContext.RequestAborted);
        if (person is null || !person.IsActive || person.Role != user.Role || person.UnitId != user.UnitId)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
