using Followthrough.Tests.Infrastructure;

namespace Followthrough.Tests.Architecture;

/// <summary>Small rooms: no source file of the product, its tests or its benchmarks runs past 400 lines.</summary>
public sealed class FileSizeTests
{
    private const int MaxLines = 400;

    [Fact]
    public void NoSourceFile_IsOver400Lines()
    {
        var big = new[] { "src", "tests", "bench" }
            .SelectMany(folder => Directory.EnumerateFiles(RepositoryFiles.PathOf(folder), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".sql", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(RepositoryFiles.Root, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > MaxLines)
            .Select(f => $"{f.File}: {f.Lines} lines")
            .ToList();

        Assert.True(big.Count == 0, $"Over {MaxLines} lines (split by responsibility):\n" + string.Join('\n', big));
    }
}
