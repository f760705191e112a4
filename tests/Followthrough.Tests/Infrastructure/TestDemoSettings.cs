using System.Runtime.CompilerServices;

namespace Followthrough.Tests.Infrastructure;

/// <summary>
/// Every fixture loads the demo into a fresh database, hundreds of times a run: without its three months of
/// applications (written step by step through the applications' rules), which only <c>DemoServiceHistoryTests</c> loads.
/// Set for the process before any host or command reads its environment.
/// </summary>
internal static class TestDemoSettings
{
    [ModuleInitializer]
    internal static void WithoutApplicationHistory() =>
        Environment.SetEnvironmentVariable("Followthrough__Demo__ApplicationHistoryDays", "0");
}
