using System.Security.Cryptography;
using Followthrough.Storage;
using Followthrough.Storage.Files;
using Microsoft.Extensions.Configuration;

namespace Followthrough.Plans;

/// <summary>A file as it arrived from a form or the API, before it is checked.</summary>
internal sealed record EvidenceUpload(string FileName, byte[] Content);

/// <summary>
/// Keeps evidence files under the data folder (<c>evidence/indicators/ab/abcdef…</c>, named by their SHA-256), so the same file
/// is stored once and any copy can be checked against its record. Files are limited to <see cref="MaxBytes"/> and to
/// PDF, PNG, JPEG, Word (.docx) and Excel (.xlsx); the type is decided by the content, never by the name alone.
/// </summary>
internal sealed class IndicatorEvidenceStore(FollowthroughDb db, IConfiguration? configuration = null)
{
    /// <summary>3 MiB: large enough for a scanned page or a bulletin, and within the server's 4 MiB request limit.</summary>
    public const long MaxBytes = 3 * 1024 * 1024;

    public static readonly IReadOnlyDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    public string Folder => Path.Combine(DatabaseSettings.DataFolder(configuration ?? new ConfigurationBuilder().Build()), "evidence", "indicators");

    /// <summary>Reads at most <see cref="MaxBytes"/> + 1 bytes, so an oversized upload is refused without holding it all.</summary>
    public static async Task<EvidenceUpload> ReadAsync(Stream stream, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                break;
            }
        }

        return new EvidenceUpload(fileName, buffer.ToArray());
    }

    /// <summary>Why the upload cannot be kept, or null; <paramref name="contentType"/> is what the content is.</summary>
    public static string? Problem(EvidenceUpload upload, out string contentType)
    {
        ArgumentNullException.ThrowIfNull(upload);
        contentType = string.Empty;
        if (upload.Content.Length == 0)
        {
            return "The evidence file is empty.";
        }

        if (upload.Content.Length > MaxBytes)
        {
            return $"The evidence file is larger than {MaxBytes / (1024 * 1024)} MB.";
        }

        var detected = Detect(upload.Content);
        if (detected is null)
        {
            return "The evidence file is not a PDF, PNG, JPEG, Word (.docx) or Excel (.xlsx) file.";
        }

        var extension = Path.GetExtension(SafeName(upload.FileName));
        if (!Types.TryGetValue(extension, out var named) || named != detected)
        {
            return $"The file is named '{SafeName(upload.FileName)}' but its content is {Describe(detected)}; rename it or choose the right file.";
        }

        contentType = detected;
        return null;
    }

    /// <summary>Writes the bytes (once per content) and adds the record to the context; the caller saves it.</summary>
    public async Task<IndicatorEvidence> StoreAsync(EvidenceUpload upload, string contentType, int? uploadedById, string uploadedByName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var sha = Convert.ToHexStringLower(SHA256.HashData(upload.Content));
        var path = PathOf(sha);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            await File.WriteAllBytesAsync(temporary, upload.Content, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }

        var file = new IndicatorEvidence
        {
            FileName = SafeName(upload.FileName),
            ContentType = contentType,
            SizeBytes = upload.Content.Length,
            Sha256 = sha,
            UploadedAt = db.Clock.GetUtcNow().UtcDateTime,
            UploadedById = uploadedById,
            UploadedByName = uploadedByName,
        };
        db.Set<IndicatorEvidence>().Add(file);
        return file;
    }

    /// <summary>Opens the stored bytes after checking them against the recorded checksum; null when missing or altered.</summary>
    public async Task<byte[]?> ReadVerifiedAsync(IndicatorEvidence file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var path = PathOf(file.Sha256);
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        return Convert.ToHexStringLower(SHA256.HashData(bytes)) == file.Sha256 ? bytes : null;
    }

    private string PathOf(string sha) => Path.Combine(Folder, sha[..2], sha);

    private static string SafeName(string fileName)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return name.Length == 0 ? "evidence" : name.Length > 200 ? name[^200..] : name;
    }

    private static string? Detect(byte[] content)
    {
        ReadOnlySpan<byte> head = content;
        if (head.StartsWith("%PDF-"u8))
        {
            return Types[".pdf"];
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Types[".png"];
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Types[".jpg"];
        }

        return head.StartsWith("PK\u0003\u0004"u8) ? DetectOfficeFile(content) : null;
    }

    /// <summary>Word and Excel files are zip packages; the parts inside say which one it is.</summary>
    private static string? DetectOfficeFile(byte[] content)
    {
        try
        {
            var parts = UntrustedFile.PackageParts(content, FileLimits.Default);
            if (!parts.Contains("[Content_Types].xml"))
            {
                return null;
            }

            return parts.Contains("word/document.xml") ? Types[".docx"]
                : parts.Contains("xl/workbook.xml") ? Types[".xlsx"]
                : null;
        }
        catch (FileRefusedException)
        {
            return null;
        }
    }

    private static string Describe(string contentType) => contentType switch
    {
        "application/pdf" => "a PDF document",
        "image/png" => "a PNG image",
        "image/jpeg" => "a JPEG image",
        _ when contentType.Contains("word", StringComparison.Ordinal) => "a Word document",
        _ => "an Excel workbook",
    };
}
