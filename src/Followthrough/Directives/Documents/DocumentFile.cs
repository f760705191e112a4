using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using Followthrough.Directives.Extraction;

namespace Followthrough.Directives.Documents;

/// <summary>The text of an uploaded file, and its content type; or why it cannot be read.</summary>
public sealed record DocumentFileText(string? Text, string ContentType, string? Problem);

/// <summary>
/// Reads an uploaded document: .txt and .md as UTF-8 text (the extraction engine's own rules, see
/// <see cref="DocumentText"/>), .docx as its paragraphs, one per line. Anything else is refused with a sentence
/// saying why, before anything is stored.
/// </summary>
public static class DocumentFile
{
    /// <summary>Documents larger than this are refused; well within the server's 4 MB request limit, and a
    /// 200-page work report in plain text or Word is under 1 MB.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    public static DocumentFileText Read(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
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
                return decoded.Text is null
                    ? Refuse($"{name}: {decoded.Problem}")
                    : new(decoded.Text, extension == ".md" ? "text/markdown; charset=utf-8" : "text/plain; charset=utf-8", null);
            case ".docx":
                return ReadDocx(name, content);
            default:
                return Refuse($"{name}: only .txt, .md and .docx files can be read.");
        }
    }

    private static DocumentFileText ReadDocx(string name, byte[] content)
    {
        const string docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = WordprocessingDocument.Open(stream, false);
            var body = document.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                return Refuse($"{name} is not a Word document (it has no document body).");
            }

            var text = new StringBuilder();
            foreach (var paragraph in body.Descendants<Paragraph>())
            {
                if (text.Length > 0)
                {
                    text.Append('\n');
                }

                text.Append(paragraph.InnerText);
            }

            var result = text.ToString();
            return string.IsNullOrWhiteSpace(result)
                ? Refuse($"{name} contains no text.")
                : new(result, docxType, null);
        }
        catch (Exception error) when (error is OpenXmlPackageException or InvalidDataException or XmlException
            or IOException or InvalidOperationException or FileFormatException or ArgumentException)
        {
            return Refuse($"{name} is not a Word (.docx) document.");
        }
    }

    private static DocumentFileText Refuse(string problem) => new(null, string.Empty, problem);
}
