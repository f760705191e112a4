using System.Text.Unicode;
using Followthrough.Storage.Files;

namespace Followthrough.Tasks;

/// <summary>
/// Decides whether an uploaded file is acceptable evidence by what it contains, not by what it is called: the first
/// bytes must be those of the type its extension names (PDF, PNG, JPEG, a Word or Excel document, plain text).
/// A renamed executable, a PDF named .png, an empty or oversized file are refused with a sentence saying why.
/// </summary>
internal static class EvidenceCheck
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public const int MaxFilesPerReport = 10;

    public const int MaxNameLength = 200;

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".txt"] = "text/plain; charset=utf-8",
    };

    public static IReadOnlyCollection<string> Extensions => ContentTypes.Keys;

    /// <summary>The content type to store and serve, or the reason the file is refused.</summary>
    public static EvidenceVerdict Check(string? fileName, ReadOnlySpan<byte> content)
    {
        var name = Path.GetFileName(fileName ?? string.Empty).Trim();
        if (name.Length == 0)
        {
            return EvidenceVerdict.Refuse("The file has no name.");
        }

        if (name.Length > MaxNameLength)
        {
            return EvidenceVerdict.Refuse($"The file name is longer than {MaxNameLength} characters.");
        }

        if (content.Length == 0)
        {
            return EvidenceVerdict.Refuse($"{name} is empty.");
        }

        if (content.Length > MaxBytes)
        {
            return EvidenceVerdict.Refuse($"{name} is larger than {MaxBytes / (1024 * 1024)} MB.");
        }

        var extension = Path.GetExtension(name);
        if (!ContentTypes.TryGetValue(extension, out var contentType))
        {
            return EvidenceVerdict.Refuse($"{name}: only {string.Join(", ", ContentTypes.Keys)} files are accepted.");
        }

        var matches = extension.ToLowerInvariant() switch
        {
            ".pdf" => content.StartsWith("%PDF-"u8),
            ".png" => content.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }),
            ".jpg" or ".jpeg" => content.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }),
            ".docx" => IsOfficePackage(content, "word/document.xml"),
            ".xlsx" => IsOfficePackage(content, "xl/workbook.xml"),
            _ => IsPlainText(content),
        };
        return matches
            ? EvidenceVerdict.Accept(contentType)
            : EvidenceVerdict.Refuse($"{name}: the content is not a {extension.TrimStart('.').ToUpperInvariant()} file; the name does not match what is inside.");
    }

    /// <summary>A Word or Excel file is a zip package holding its main part.</summary>
    private static bool IsOfficePackage(ReadOnlySpan<byte> content, string mainPart)
    {
        if (!content.StartsWith("PK\u0003\u0004"u8))
        {
            return false;
        }

        try
        {
            return UntrustedFile.PackageParts(content.ToArray(), FileLimits.Default).Contains(mainPart);
        }
        catch (FileRefusedException)
        {
            return false;
        }
    }

    /// <summary>UTF-8 (with or without a byte-order mark) and no control characters other than tab and line breaks.</summary>
    private static bool IsPlainText(ReadOnlySpan<byte> content)
    {
        if (!Utf8.IsValid(content))
        {
            return false;
        }

        foreach (var b in content)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>Accepted with the content type to serve it as, or refused with the reason.</summary>
internal sealed record EvidenceVerdict(bool Accepted, string? ContentType, string? Problem)
{
    public static EvidenceVerdict Accept(string contentType) => new(true, contentType, null);

    public static EvidenceVerdict Refuse(string problem) => new(false, null, problem);
}
