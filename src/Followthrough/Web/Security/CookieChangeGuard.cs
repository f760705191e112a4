using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Web.Security;

/// <summary>
/// A change on the API (POST, PUT, PATCH, DELETE under /api, multipart uploads included) made with the sign-in cookie
/// must come from this site: it carries the anti-forgery token in the <c>RequestVerificationToken</c> header, or an
/// <c>Origin</c> header naming this host or a configured allowed origin. Otherwise another site's page could make the
/// visitor's browser change things with their cookie. Calls with an API token (Authorization: Bearer) carry no
/// ambient credential and are not checked. The answer to a refused change is 403 with a problem detail.
/// </summary>
internal static class CookieChangeGuard
{
    public const string TokenHeader = "RequestVerificationToken";

    public const string Refusal =
        "A change made with the sign-in cookie needs this site's anti-forgery token (header RequestVerificationToken) or an Origin " +
        "header of this site. Scripts and other programs should call the API with a personal API token (Authorization: Bearer).";

    public static IApplicationBuilder UseCookieChangeGuard(this IApplicationBuilder app, SecuritySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var allowed = new HashSet<string>(settings.AllowedOrigins, StringComparer.OrdinalIgnoreCase);
        return app.Use(async (context, next) =>
        {
            if (NeedsCheck(context) && !await ComesFromThisSiteAsync(context, allowed))
            {
                await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: Refusal).ExecuteAsync(context);
                return;
            }

            await next(context);
        });
    }

    private static bool NeedsCheck(HttpContext context)
    {
        var method = context.Request.Method;
        return context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method))
            && context.User.Identity is { IsAuthenticated: true, AuthenticationType: CookieAuthenticationDefaults.AuthenticationScheme };
    }

    private static async Task<bool> ComesFromThisSiteAsync(HttpContext context, HashSet<string> allowed)
    {
        var request = context.Request;
        if (request.Headers.Origin is [{ } origin] && !string.IsNullOrEmpty(origin))
        {
            var own = $"{request.Scheme}://{request.Host.Value}";
            return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) || allowed.Contains(origin);
        }

        // Only the header is read, never the body: an upload is not buffered to look for a form field.
        if (request.Headers.ContainsKey(TokenHeader))
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            return await antiforgery.IsRequestValidAsync(context);
        }

        return false;
    }
}
