using Followthrough.Web;
using Followthrough.Web.Security;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Followthrough.Accounts;
using Followthrough.Audit;
using Followthrough.Calendar;
using Followthrough.Commitments;
using Followthrough.Evaluation;
using Followthrough.Directives.Api;
using Followthrough.Organization;
using Followthrough.Plans;
using Followthrough.Ratings;
using Followthrough.Needs;
using Followthrough.Services;
using Followthrough.Storage;
using Followthrough.Supervision;
using Followthrough.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Followthrough.Hosting;

/// <summary>
/// Composes the modules into one web application. The host's Program.cs, the integration tests and the browser
/// tests all start the product through these two calls, so they run exactly the same thing.
/// </summary>
public static class FollowthroughWeb
{
    public const string SmartScheme = "CookieOrToken";

    public static WebApplicationBuilder AddFollowthrough(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var settings = DatabaseSettings.FromConfiguration(builder.Configuration);
        services.AddFollowthroughCore(settings);
        services.AddSupervisionBackgroundRun();
        var dataFolder = DatabaseSettings.DataFolder(builder.Configuration);
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataFolder, "keys")));
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = WebLimits.MaxRequestBodyBytes);

        services.AddLocalization();
        // Chinese text is written as UTF-8, not as numeric character references.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(o => o.RootDirectory = "/");
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ft.antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.HeaderName = CookieChangeGuard.TokenHeader;
            o.SuppressXFrameOptionsHeader = true; // every response gets DENY (SecurityHeaders), not only this one SAMEORIGIN
        });
        var security = SecuritySettings.From(builder.Configuration);
        services.AddSingleton(security);
        services.AddFollowthroughRateLimits(security);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.Configure<ForwardedHeadersOptions>(o => ConfigureProxies(o, security));
        services.AddProblemDetails(ProblemDetailsSetup.Configure);
        // A body that cannot be read (malformed JSON, a wrong type) throws in every environment, not only in
        // Development, so ProblemDetailsSetup can say what was wrong; it is the client's mistake, not logged as an error.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<ExceptionHandlerOptions>(o => o.SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException);
        services.AddOpenApi("v1", OpenApiSetup.Configure);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddHttpContextAccessor();
        services.AddScoped(sp => CurrentUser.From(sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User ?? new()));

        services.AddAuthentication(SmartScheme)
            .AddPolicyScheme(SmartScheme, SmartScheme, o => o.ForwardDefaultSelector = context =>
                ApiTokenAuthentication.HasBearer(context.Request.Headers.Authorization)
                    ? ApiTokenAuthentication.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, SignInCookie.Configure)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
        services.AddAuthorization();
        return builder;
    }

    public static WebApplication UseFollowthrough(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var security = app.Services.GetRequiredService<SecuritySettings>();
        if (security.ForwardedHeadersEnabled)
        {
            app.UseForwardedHeaders(); // first: the scheme and client address everything after sees are the visitor's
        }

        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts(); // only on HTTPS requests (as the proxy reports them); never for localhost
        }

        // The API answers errors as problem details; people get a readable page in their language.
        app.UseWhen(IsApi, api => api.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(context => !IsApi(context), pages => pages
            .UseExceptionHandler("/error/500")
            .UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseStaticFiles();
        app.UseRouting(); // after the status-code pages, so a re-executed /error/404 is routed afresh
        app.UseRequestLocalization(o =>
        {
            o.SetDefaultCulture("en");
            o.SupportedCultures = Languages.Supported;
            o.SupportedUICultures = Languages.Supported;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
            o.FallBackToParentUICultures = true;
            o.FallBackToParentCultures = true;
        });
        app.UseAuthentication();
        app.UseCookieChangeGuard(security);
        app.UseAuthorization();
        app.UseRateLimiter();
        app.Use(async (context, next) =>
        {
            var user = CurrentUser.From(context.User);
            context.RequestServices.GetRequiredService<Actor>().Set(user.PersonId, user.IsSignedIn ? user.Name : "anonymous");
            await next(context);
        });
        app.UseAntiforgery();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains("ready") });
        app.MapRazorPages();

        var api = app.MapGroup("/api/v1");
        api.MapAccountsApi();
        api.MapOrganizationApi();
        api.MapCalendarApi();
        api.MapAuditApi();
        api.MapPlansApi();
        api.MapTasksApi();
        api.MapSupervisionApi();
        api.MapEvaluationApi();
        api.MapCommitmentsApi();
        api.MapDocumentsApi();
        api.MapServicesApi();
        api.MapRatingsApi();
        api.MapNeedsApi();
        return app;
    }

    /// <summary>
    /// Trust X-Forwarded-For and X-Forwarded-Proto only from the configured proxies and networks; with none
    /// configured, from this machine only (ASP.NET Core's loopback default).
    /// </summary>
    private static void ConfigureProxies(ForwardedHeadersOptions options, SecuritySettings security)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        if (security.KnownProxies.Count == 0 && security.KnownNetworks.Count == 0)
        {
            return;
        }

        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in security.KnownProxies)
        {
            options.KnownProxies.Add(proxy);
        }

        foreach (var network in security.KnownNetworks)
        {
            options.KnownIPNetworks.Add(network);
        }
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
