namespace Followthrough.Tests.Infrastructure;

/// <summary>
/// The shared folder CI lays beside the checkout (../shared: the seed reports, the holiday dataset). A clone of the
/// repository alone has none; the tests that read it are then skipped, saying why, instead of failing.
/// </summary>
public static class SharedFolder
{
    public const string SkipReason =
        "Needs ../shared beside the checkout (the seed reports and the holiday-cn dataset), which this clone does not have.";

    public static string Path => RepositoryFiles.PathOf("..", "shared");

    public static bool Exists => Directory.Exists(Path);
}

/// <summary>A fact that reads ../shared: skipped, with the reason, where the folder is absent.</summary>
public sealed class SharedFolderFactAttribute : FactAttribute
{
    public SharedFolderFactAttribute()
    {
        if (!SharedFolder.Exists)
        {
            Skip = SharedFolder.SkipReason;
        }
    }
}

/// <summary>A theory that reads ../shared: skipped, with the reason, where the folder is absent.</summary>
public sealed class SharedFolderTheoryAttribute : TheoryAttribute
{
    public SharedFolderTheoryAttribute()
    {
        if (!SharedFolder.Exists)
        {
            Skip = SharedFolder.SkipReason;
        }
    }
}
