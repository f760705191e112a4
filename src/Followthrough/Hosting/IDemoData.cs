using Followthrough.Web;
namespace Followthrough.Hosting;

/// <summary>
/// Demo records the host may load into an empty database on first start (<see cref="DatabaseStartup"/>). The domain
/// holds no demo: the host that wants one registers an implementation (Followthrough.Demo's
/// <c>AddFollowthroughDemo</c>); without one, the start loads nothing.
/// </summary>
internal interface IDemoData
{
    /// <summary>Loads the demo into an empty database; returns its accounts and their one password, or null when the database already holds data.</summary>
    Task<DemoCredentials?> LoadAsync(CancellationToken cancellationToken = default);
}

/// <summary>The demo accounts and the password they share, generated at load and printed once.</summary>
public sealed record DemoCredentials(IReadOnlyList<string> UserNames, string Password);
