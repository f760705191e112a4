using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Web.Security;

/// <summary>
/// ASP.NET Core's rate limiter on the expensive endpoints (uploads, imports, file exports), per caller: the signed-in
/// person, or the client address when there is none. Past the limit the answer is 429 with Retry-After and a problem
/// detail. Limits come from <see cref="SecuritySettings"/> (Followthrough:RateLimits). Sign-in has its own limits
/// (<see cref="SignInLimits"/>), checked where the user name is known.
/// </summary>
public static class RateLimits
{
    /// <summary>Uploads, imports and file exports: every request counts.</summary>
    public const string Expensive = "expensive";

    /// <summary>Lists that are also exports: only a request for a file (?format=csv|xlsx) counts; a JSON page is cheap.</summary>
    public const string FileExports = "file-exports";

    /// <summary>Lookups anyone may make without signing in (checking a decision's verification code): per client
    /// address, as many as sign-in attempts, so that codes cannot be tried in bulk.</summary>
    public const string PublicLookups = "public-lookups";

    internal static IServiceCollection AddFollowthroughRateLimits(this IServiceCollection services, SecuritySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(new SignInLimits(settings));
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, cancellationToken) => RejectAsync(context.HttpContext, context.Lease, cancellationToken);
            o.AddPolicy(Expensive, context => ByCaller(context, settings));
            o.AddPolicy(FileExports, context => context.Request.Query.ContainsKey("format")
                ? ByCaller(context, settings)
                : RateLimitPartition.GetNoLimiter("json"));
            o.AddPolicy(PublicLookups, context => RateLimitPartition.GetFixedWindowLimiter($"address:{context.Connection.RemoteIpAddress}", _ =>
                new FixedWindowRateLimiterOptions { PermitLimit = settings.SignInPerClient, Window = settings.SignInWindow, QueueLimit = 0 }));
        });
    }

    /// <summary>The caller: the person signed in (by cookie or token), else the client address.</summary>
    public static string CallerOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var person = CurrentUser.From(context.User).PersonId;
        return person is { } id
            ? string.Create(CultureInfo.InvariantCulture, $"person:{id}")
            : $"address:{context.Connection.RemoteIpAddress}";
    }

    /// <summary>Seconds to wait as the Retry-After header says it: whole seconds, at least one.</summary>
    public static string RetryAfterSeconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static RateLimitPartition<string> ByCaller(HttpContext context, SecuritySettings settings) =>
        RateLimitPartition.GetFixedWindowLimiter(CallerOf(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.ExpensivePerCaller,
            Window = settings.ExpensiveWindow,
            QueueLimit = 0,
        });

    private static async ValueTask RejectAsync(HttpContext context, RateLimitLease lease, CancellationToken cancellationToken)
    {
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        context.Response.Headers.RetryAfter = RetryAfterSeconds(wait);
        await Results.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: $"Too many requests of this kind (uploads, imports, exports or public checks) in a short time. Try again in {RetryAfterSeconds(wait)} seconds.")
            .ExecuteAsync(context);
    }
}
