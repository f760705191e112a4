namespace Followthrough.Services.Materials;

/// <summary>
/// Whether an uploaded material is acceptable, by what it contains and not by what it is called: a PDF, PNG or JPEG
/// (scans and photos of documents) whose first bytes are that type's, at most 10 MB, with a name of at most 200
/// characters. A renamed executable, a PDF named .png, an empty or oversized file are refused with a sentence saying why.
/// </summary>
internal static class MaterialCheck
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public const int MaxNameLength = 200;

    /// <summary>The most one request may carry: a file and its form (the server's default limit is smaller).</summary>
    public const long MaxUploadRequestBytes = MaxBytes + (1024 * 1024);

    /// <summary>The most an application form may carry with its files; the page says so beside the inputs.</summary>
    public const long MaxFormRequestBytes = (5 * MaxBytes) + (1024 * 1024);

    public const string NoName = "The file has no name.";
    public const string NameTooLong = "The file name is longer than 200 characters.";
    public const string Empty = "The file is empty.";
    public const string TooLarge = "The file is larger than 10 MB.";
    public const string NotAccepted = "Only PDF, PNG and JPEG files are accepted, and this file is none of them by its content.";
    public const string NameMismatch = "The file's content is of another type than its name says: the name does not match what is inside.";

    /// <summary>The content type to store and serve, or the reason the file is refused.</summary>
    public static (string? ContentType, string? Problem) Check(string? fileName, ReadOnlySpan<byte> content)
    {
        var name = Path.GetFileName(fileName ?? string.Empty).Trim();
        if (name.Length == 0)
        {
            return (null, NoName);
        }

        if (name.Length > MaxNameLength)
        {
            return (null, NameTooLong);
        }

        if (content.Length == 0)
        {
            return (null, Empty);
        }

        if (content.Length > MaxBytes)
        {
            return (null, TooLarge);
        }

        var sniffed = Sniff(content);
        if (sniffed is null)
        {
            return (null, NotAccepted);
        }

        var extension = Path.GetExtension(name).ToLowerInvariant();
        var named = extension switch
        {
            ".pdf" => "application/pdf",
            ".png" => "image/png",
            ".jpg" or ".jpeg" => "image/jpeg",
            _ => null,
        };
        return named == sniffed
            ? (sniffed, null)
            : (null, NameMismatch);
    }

    /// <summary>An upload's bytes, reading one byte past the limit at most: a larger file is refused by <see cref="Check"/>
    /// without being held whole.</summary>
    public static async Task<byte[]> ReadAsync(Microsoft.AspNetCore.Http.IFormFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length <= MaxBytes && (read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string? Sniff(ReadOnlySpan<byte> content) =>
        content.StartsWith("%PDF-"u8) ? "application/pdf"
        : content.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }) ? "image/png"
        : content.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }) ? "image/jpeg"
        : null;
}
