using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;

namespace Followthrough.Web.Security;

/// <summary>
/// The web host's security settings, read once at start from configuration (README, "Configuration"). Everything
/// has a default that is safe for a host reached directly; a host behind a TLS proxy turns forwarded headers on.
/// </summary>
public sealed record SecuritySettings
{
    public const string ForwardedHeadersSection = "Followthrough:ForwardedHeaders";
    public const string AllowedOriginsKey = "Followthrough:AllowedOrigins";
    public const string RateLimitsSection = "Followthrough:RateLimits";

    /// <summary>Trust X-Forwarded-For and X-Forwarded-Proto (off by default: anyone could send them).</summary>
    public bool ForwardedHeadersEnabled { get; init; }

    /// <summary>Addresses of the proxies whose forwarded headers are trusted; with none given, only this machine (loopback).</summary>
    public IReadOnlyList<IPAddress> KnownProxies { get; init; } = [];

    /// <summary>Networks (CIDR, e.g. 10.0.0.0/8) whose proxies are trusted.</summary>
    public IReadOnlyList<System.Net.IPNetwork> KnownNetworks { get; init; } = [];

    /// <summary>Other sites (scheme://host[:port]) allowed to make changes on the API with a visitor's sign-in cookie.</summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>Sign-in attempts one client address may make per window.</summary>
    public int SignInPerClient { get; init; } = 100;

    /// <summary>Sign-in attempts on one user name, from everywhere together, per window.</summary>
    public int SignInPerUserName { get; init; } = 30;

    public TimeSpan SignInWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Uploads, imports and file exports one caller may start per window.</summary>
    public int ExpensivePerCaller { get; init; } = 60;

    public TimeSpan ExpensiveWindow { get; init; } = TimeSpan.FromMinutes(1);

    public static SecuritySettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var forwarded = configuration.GetSection(ForwardedHeadersSection);
        var limits = configuration.GetSection(RateLimitsSection);
        var defaults = new SecuritySettings();
        return new SecuritySettings
        {
            ForwardedHeadersEnabled = forwarded.GetValue<bool>("Enabled"),
            KnownProxies = [.. List(forwarded.GetSection("KnownProxies")).Select(p => Parse(p, IPAddress.Parse, "KnownProxies"))],
            KnownNetworks = [.. List(forwarded.GetSection("KnownNetworks")).Select(n => Parse(n, System.Net.IPNetwork.Parse, "KnownNetworks"))],
            AllowedOrigins = [.. List(configuration.GetSection(AllowedOriginsKey)).Select(o => o.TrimEnd('/'))],
            SignInPerClient = Positive(limits, "SignInPerClient", defaults.SignInPerClient),
            SignInPerUserName = Positive(limits, "SignInPerUserName", defaults.SignInPerUserName),
            SignInWindow = TimeSpan.FromSeconds(Positive(limits, "SignInWindowSeconds", (int)defaults.SignInWindow.TotalSeconds)),
            ExpensivePerCaller = Positive(limits, "ExpensivePerCaller", defaults.ExpensivePerCaller),
            ExpensiveWindow = TimeSpan.FromSeconds(Positive(limits, "ExpensiveWindowSeconds", (int)defaults.ExpensiveWindow.TotalSeconds)),
        };
    }

    /// <summary>A list given as an array (KnownProxies:0, :1...) or as one comma-separated value (handy in environment variables).</summary>
    private static IEnumerable<string> List(IConfigurationSection section)
    {
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return values.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct();
    }

    private static T Parse<T>(string text, Func<string, T> parse, string key)
    {
        try
        {
            return parse(text);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{ForwardedHeadersSection}:{key}: \"{text}\" is not an address or network (CIDR).");
        }
    }

    private static int Positive(IConfigurationSection section, string key, int fallback)
    {
        var value = section.GetValue<int?>(key) ?? fallback;
        return value > 0
            ? value
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{RateLimitsSection}:{key} must be a positive number, not {value}."));
    }
}
