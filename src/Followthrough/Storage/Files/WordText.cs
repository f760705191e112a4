using System.Text;
using System.Xml;

namespace Followthrough.Storage.Files;

/// <summary>
/// The text of a Word document (.docx): its paragraphs, one a line, read straight from the main part with
/// <see cref="GuardedXml"/>, so deeply nested content controls or a body that expands to a gigabyte are refused
/// (at <see cref="FileLimits.MaxXmlDepth"/> or <see cref="FileLimits.MaxDocumentCharacters"/>) while reading.
/// </summary>
internal static class WordText
{
    private const string Word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string Math = "http://schemas.openxmlformats.org/officeDocument/2006/math";

    /// <summary>The paragraphs' text joined by line breaks; null when the document has no body.</summary>
    public static string? Read(byte[] content, FileLimits limits)
    {
        using var package = GuardedPackage.Open(content, limits);
        var main = GuardedPackage.Target(package.Relationships(string.Empty), "/officeDocument") ?? "word/document.xml";
        using var xml = package.OpenXml(main);
        if (xml is null)
        {
            return null;
        }

        var text = new StringBuilder();
        var chunk = new char[4096];
        var paragraphs = 0;
        var hasBody = false;
        var textDepth = -1;
        while (GuardedXml.Read(xml, limits))
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Element when xml.NamespaceURI == Word && xml.LocalName == "body":
                    hasBody = true;
                    break;
                case XmlNodeType.Element when xml.NamespaceURI == Word && xml.LocalName == "p":
                    if (paragraphs++ > 0)
                    {
                        Append("\n");
                    }

                    break;
                case XmlNodeType.Element when !xml.IsEmptyElement && textDepth < 0
                    && ((xml.NamespaceURI == Word && xml.LocalName is "t" or "delText") || (xml.NamespaceURI == Math && xml.LocalName == "t")):
                    textDepth = xml.Depth;
                    break;
                case XmlNodeType.EndElement when xml.Depth == textDepth:
                    textDepth = -1;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when textDepth >= 0:
                    int read;
                    while ((read = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                    {
                        Append(chunk.AsSpan(0, read));
                    }

                    break;
            }
        }

        return hasBody ? text.ToString() : null;

        void Append(ReadOnlySpan<char> part)
        {
            text.Append(part);
            if (text.Length > limits.MaxDocumentCharacters)
            {
                throw new FileRefusedException(nameof(FileLimits.MaxDocumentCharacters), limits.MaxDocumentCharacters,
                    $"the document yields more than {limits.MaxDocumentCharacters:N0} characters of text");
            }
        }
    }
}
