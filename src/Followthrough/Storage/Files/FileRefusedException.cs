namespace Followthrough.Storage.Files;

/// <summary>
/// An untrusted file was refused before anything was kept: it is past one of the <see cref="FileLimits"/> (named by
/// <see cref="Limit"/>; <see cref="TooLarge"/> is true and the API answers 413), or it is not a readable file of its
/// kind (<see cref="Limit"/> is null; the API answers 400). The message is a sentence for the person who sent it.
/// </summary>
public sealed class FileRefusedException : Exception
{
    public FileRefusedException()
    {
    }

    public FileRefusedException(string message)
        : base(message)
    {
    }

    public FileRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FileRefusedException(string limit, long value, string what)
        : base($"The file was refused: {what} (limit {FileLimits.Section}:{limit} = {value}).")
    {
        Limit = limit;
        TooLarge = true;
    }

    /// <summary>The name of the limit in <see cref="FileLimits"/>, or null when the file is malformed rather than too large.</summary>
    public string? Limit { get; }

    public bool TooLarge { get; }
}
