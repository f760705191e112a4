using Followthrough.Tests.Infrastructure;

namespace Followthrough.Tests.Architecture;

/// <summary>
/// The breaches of the walls that were there when the walls went up and are not yet mended, one per line in
/// known-breaches.txt beside this file. The list only shrinks: a new breach fails the test, and so does a listed one
/// that is gone (take its line out). An empty file means the walls hold everywhere.
/// </summary>
public static class KnownBreaches
{
    private static readonly Lazy<HashSet<string>> Listed = new(() =>
        [.. File.ReadAllLines(RepositoryFiles.PathOf("tests", "Followthrough.Tests", "Architecture", "known-breaches.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))]);

    public static void AssertOnlyThoseLeft(string what, IReadOnlyCollection<string> found)
    {
        var fresh = found.Where(b => !Listed.Value.Contains(b)).ToList();
        Assert.True(fresh.Count == 0, $"{what} (new, not in known-breaches.txt):\n" + string.Join('\n', fresh));
    }

    /// <summary>Every listed breach is still found by one of the rules (so mended ones leave the list).</summary>
    public static void AssertNoneMended(IReadOnlyCollection<string> foundByAllRules)
    {
        var mended = Listed.Value.Where(b => !foundByAllRules.Contains(b)).Order(StringComparer.Ordinal).ToList();
        Assert.True(mended.Count == 0, "Mended, so take them out of known-breaches.txt:\n" + string.Join('\n', mended));
    }
}
