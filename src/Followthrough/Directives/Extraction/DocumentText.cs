using System.Buffers;
using System.Text.Unicode;

namespace Followthrough.Directives.Extraction;

/// <summary>The text of an uploaded or given file, or why it cannot be read as a document.</summary>
public sealed record DecodedDocument(string? Text, string? Problem);

/// <summary>
/// Turns a file's bytes into the text the extractor reads, refusing what is not a text document. The file must
/// be UTF-8; a UTF-8 byte order mark is dropped and is not part of the text (offsets count from the first
/// character after it). Nothing else is changed: CRLF line ends stay, nothing is normalised, so offsets point
/// into the file's text exactly as read.
/// </summary>
public static class DocumentText
{
    /// <summary>Documents larger than this are refused (a long work report is well under 1 MB).</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    public static DecodedDocument Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxBytes)
        {
            return Refuse($"The file is larger than {MaxBytes / (1024 * 1024)} MB.");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Refuse("The file is UTF-16 text; save it as UTF-8 and try again.");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            return Refuse($"The file contains a NUL byte (at byte {nul}): it looks like a binary file, not text.");
        }

        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            return Refuse($"The file is not valid UTF-8 (first bad byte at offset {read}); save it as UTF-8 text.");
        }

        var text = new string(chars, 0, written);
        if (text.Length == 0)
        {
            return Refuse("The file is empty.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Refuse("The file contains only white space.");
        }

        var controls = 0;
        foreach (var c in text)
        {
            if (c < ' ' && c is not ('\t' or '\n' or '\r' or '\f' or '\v'))
            {
                controls++;
            }
        }

        return controls * 100 > text.Length
            ? Refuse("The file is full of control characters: it looks like a binary file, not text.")
            : new DecodedDocument(text, null);
    }

    private static DecodedDocument Refuse(string problem) => new(null, problem);
}
