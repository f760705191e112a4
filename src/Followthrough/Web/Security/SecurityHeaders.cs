using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Followthrough.Web.Security;

/// <summary>
/// Headers every response carries, pages, API, files and error pages alike. They are set as the response starts,
/// so an error page written after the exception handler cleared the headers carries them too.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// Everything from this site only: no inline script or style (the pages have none, not even style attributes),
    /// no plug-ins, forms post only here, and no other site may frame a page (clickjacking).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
