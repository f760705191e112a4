using Followthrough.Directives.Extraction;
using Followthrough.Storage.Files;

namespace Followthrough.Directives.Documents;

/// <summary>The text of an uploaded file, and its content type; or why it cannot be read.</summary>
internal sealed record DocumentFileText(string? Text, string ContentType, string? Problem);

/// <summary>
/// Reads an uploaded document: .txt and .md as UTF-8 text (the extraction engine's own rules, see
/// <see cref="DocumentText"/>), .docx as its paragraphs, one per line, through the product's guarded reader
/// (<see cref="UntrustedFile"/>). Anything else, or anything past the <see cref="FileLimits"/> (such as the characters a
/// document may yield), is refused with a sentence saying why, before anything is stored.
/// </summary>
internal static class DocumentFile
{
    /// <summary>Documents larger than this are refused; well within the server's 4 MB request limit, and a
    /// 200-page work report in plain text or Word is under 1 MB.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    public static DocumentFileText Read(string fileName, byte[] content, FileLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        limits ??= FileLimits.Default;
        var name = Path.GetFileName(fileName ?? string.Empty);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (content.Length == 0)
        {
            return Refuse($"{name} is empty.");
        }

        if (content.Length > MaxBytes)
        {
            return Refuse($"{name} is larger than {MaxBytes / (1024 * 1024)} MB.");
        }

        switch (extension)
        {
            case ".txt" or ".md":
                var decoded = DocumentText.Decode(content);
                if (decoded.Text is null)
                {
                    return Refuse($"{name}: {decoded.Problem}");
                }

                if (UntrustedFile.DocumentTextProblem(decoded.Text.Length, limits) is { } tooLong)
                {
                    return Refuse($"{name}: {tooLong}");
                }

                return new(decoded.Text, extension == ".md" ? "text/markdown; charset=utf-8" : "text/plain; charset=utf-8", null);
            case ".docx":
                return ReadDocx(name, content, limits);
            default:
                return Refuse($"{name}: only .txt, .md and .docx files can be read.");
        }
    }

    private static DocumentFileText ReadDocx(string name, byte[] content, FileLimits limits)
    {
        const string docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        try
        {
            var text = UntrustedFile.ReadWordText(content, limits);
            if (text is null)
            {
                return Refuse($"{name} is not a Word document (it has no document body).");
            }

            return string.IsNullOrWhiteSpace(text)
                ? Refuse($"{name} contains no text.")
                : new(text, docxType, null);
        }
        catch (FileRefusedException refused)
        {
            return Refuse(refused.Limit is null
                ? $"{name} is not a Word (.docx) document: {refused.InnerException?.Message ?? refused.Message}"
                : $"{name}: {refused.Message}");
        }
    }

    private static DocumentFileText Refuse(string problem) => new(null, string.Empty, problem);
}
