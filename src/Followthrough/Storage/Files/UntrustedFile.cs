using System.Xml;

namespace Followthrough.Storage.Files;

/// <summary>
/// The one way the product reads a file it did not write: Excel workbooks, Word documents, CSV and plain text, each
/// under <see cref="FileLimits"/>. Anything past a limit, or not readable as what it claims to be, throws
/// <see cref="FileRefusedException"/> with a sentence naming the limit; no input gets further than that.
/// </summary>
public static class UntrustedFile
{
    /// <summary>The worksheets of an .xlsx file, rows numbered as in Excel; <paramref name="format"/> turns a cell's
    /// type ("s", "inlineStr", "b", "str", "e" or null for a number) and text into the text kept (by default, as is).</summary>
    public static IReadOnlyList<TableSheet> ReadWorkbook(
        byte[] content, FileLimits limits, Func<string?, string, string>? format = null, bool firstSheetOnly = false) =>
        Guarded(() => XlsxTables.Read(content, limits, format, firstSheetOnly), "Excel workbook (.xlsx)");

    /// <summary>The paragraphs of a .docx file, one a line; null when it has no document body.</summary>
    public static string? ReadWordText(byte[] content, FileLimits limits) =>
        Guarded(() => WordText.Read(content, limits), "Word document (.docx)");

    /// <summary>The rows of CSV text (RFC 4180), each numbered by the line it starts on.</summary>
    public static IReadOnlyList<TableRow> ReadCsv(string text, FileLimits limits) => CsvTable.Read(text, limits);

    /// <summary>
    /// Why a plain-text table (one record a line, such as a calendar schedule) is refused: more lines than
    /// <see cref="FileLimits.MaxRows"/>, a line longer than <see cref="FileLimits.MaxCellCharacters"/>, or more characters
    /// than <see cref="FileLimits.MaxDocumentCharacters"/>; null when it may be read.
    /// </summary>
    public static string? TextProblem(string text, FileLimits limits, bool byLine)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(limits);
        if (DocumentTextProblem(text.Length, limits) is { } tooLong)
        {
            return tooLong;
        }

        if (!byLine)
        {
            return null;
        }

        var lines = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (++lines > limits.MaxRows)
            {
                return new FileRefusedException(nameof(FileLimits.MaxRows), limits.MaxRows, $"it has more than {limits.MaxRows:N0} lines").Message;
            }

            if (line.Length > limits.MaxCellCharacters)
            {
                return new FileRefusedException(nameof(FileLimits.MaxCellCharacters), limits.MaxCellCharacters, $"line {lines:N0} holds {line.Length:N0} characters").Message;
            }
        }

        return null;
    }

    /// <summary>Why a document's text is refused (past <see cref="FileLimits.MaxDocumentCharacters"/>), or null.</summary>
    public static string? DocumentTextProblem(int characters, FileLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return characters > limits.MaxDocumentCharacters
            ? new FileRefusedException(nameof(FileLimits.MaxDocumentCharacters), limits.MaxDocumentCharacters, $"the document yields {characters:N0} characters of text").Message
            : null;
    }

    /// <summary>Why a document is refused (it would create more than <see cref="FileLimits.MaxCandidatesPerDocument"/>
    /// candidate directives), or null.</summary>
    public static string? CandidatesProblem(int candidates, FileLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return candidates > limits.MaxCandidatesPerDocument
            ? new FileRefusedException(nameof(FileLimits.MaxCandidatesPerDocument), limits.MaxCandidatesPerDocument,
                $"the document holds {candidates:N0} directives; split it into smaller documents").Message
            : null;
    }

    /// <summary>The names of the parts of a zip package (compared without regard to case), expanding nothing; a file
    /// that is not a zip, or holds more than <see cref="FileLimits.MaxZipEntries"/> entries, is refused.</summary>
    public static IReadOnlySet<string> PackageParts(byte[] content, FileLimits limits)
    {
        using var package = GuardedPackage.Open(content, limits);
        return package.Parts;
    }

    private static T Guarded<T>(Func<T> read, string kind)
    {
        try
        {
            return read();
        }
        catch (FileRefusedException refused) when (refused.Limit is null)
        {
            throw new FileRefusedException($"The file is not a readable {kind}: {refused.Message}.", refused);
        }
        catch (Exception error) when (error is XmlException or InvalidDataException or IOException or FormatException)
        {
            throw new FileRefusedException($"The file is not a readable {kind}: {error.Message}", error);
        }
    }
}
