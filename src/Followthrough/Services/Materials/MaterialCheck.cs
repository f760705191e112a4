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

    /// <summary>The content type to store and serve, or the reason the file is refused.</summary>
    public static (string? ContentType, string? Problem) Check(string? fileName, ReadOnlySpan<byte> content)
    {
        var name = Path.GetFileName(fileName ?? string.Empty).Trim();
        if (name.Length == 0)
        {
            return (null, "The file has no name.");
        }

        if (name.Length > MaxNameLength)
        {
            return (null, $"The file name is longer than {MaxNameLength} characters.");
        }

        if (content.Length == 0)
        {
            return (null, $"{name} is empty.");
        }

        if (content.Length > MaxBytes)
        {
            return (null, $"{name} is larger than {MaxBytes / (1024 * 1024)} MB.");
        }

        var sniffed = Sniff(content);
        if (sniffed is null)
        {
            return (null, $"{name}: only PDF, PNG and JPEG files are accepted, and this file is none of them by its content.");
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
            : (null, $"{name}: the content is a {Label(sniffed)} file; the name does not match what is inside.");
    }

    private static string? Sniff(ReadOnlySpan<byte> content) =>
        content.StartsWith("%PDF-"u8) ? "application/pdf"
        : content.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }) ? "image/png"
        : content.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }) ? "image/jpeg"
        : null;

    private static string Label(string contentType) => contentType switch
    {
        "application/pdf" => "PDF",
        "image/png" => "PNG",
        _ => "JPEG",
    };
}
