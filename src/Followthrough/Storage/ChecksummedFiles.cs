using System.Security.Cryptography;

namespace Followthrough.Storage;

/// <summary>
/// Files kept under one folder of the data folder, in <c>ab/abcdef…</c> named by their SHA-256: the same content is
/// stored once, a stored file is never overwritten, and every read checks the content against its name, so a file
/// changed on disk is never served. Evidence of task reports and original documents are kept this way.
/// </summary>
public abstract class ChecksummedFiles(string root)
{
    public string Root { get; } = root;

    public static string Checksum(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Writes the content unless it is already there; returns true when this call created the file.</summary>
    public async Task<bool> SaveAsync(string sha256, byte[] content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(sha256);
        if (File.Exists(path))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temporary, content, cancellationToken);
        try
        {
            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary); // the same content was stored a moment earlier
            return false;
        }
    }

    /// <summary>The content, or null when the file is missing or no longer matches its checksum.</summary>
    public async Task<byte[]?> ReadAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var path = PathOf(sha256);
        if (!File.Exists(path))
        {
            return null;
        }

        var content = await File.ReadAllBytesAsync(path, cancellationToken);
        return Checksum(content) == sha256 ? content : null;
    }

    /// <summary>Removes a file this request created when the database refused the record that referred to it.</summary>
    public void Forget(string sha256)
    {
        var path = PathOf(sha256);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private string PathOf(string sha256)
    {
        if (sha256 is not { Length: 64 } || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("Not a lower-case SHA-256 checksum.", nameof(sha256));
        }

        return Path.Combine(Root, sha256[..2], sha256);
    }
}
