using Followthrough.Directives.Extraction;

namespace Followthrough.Demo;

/// <summary>
/// The extractor's registry of the demo organisation of Dalian and Liaoning: what <c>followthrough extract</c> uses
/// without a database, and what the extraction tests and benchmarks read against.
/// </summary>
public static class DemoActors
{
    private static readonly Lazy<ActorRegistry> Built = new(() => new ActorRegistry(
        DemoOrganization.Units.Select(u => new RegistryUnit(u.Code, [u.NameZh, u.NameEn], u.Aliases))));

    /// <summary>Compiled once, on first use.</summary>
    public static ActorRegistry Registry => Built.Value;
}
