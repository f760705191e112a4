using System.Xml;

namespace Followthrough.Storage.Files;

/// <summary>
/// XML from an untrusted file: streamed (never a tree, so nothing recurses however deep the elements nest), no DTD
/// (a DOCTYPE is refused: no entity expansion, nothing fetched), and no element deeper than
/// <see cref="FileLimits.MaxXmlDepth"/>. Every loop over it reads through <see cref="Read"/>.
/// </summary>
internal static class GuardedXml
{
    public static XmlReader Create(Stream stream, FileLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return XmlReader.Create(stream, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        });
    }

    /// <summary>The next node, or false at the end; a DOCTYPE, malformed XML or an element nested too deep is refused.</summary>
    public static bool Read(XmlReader xml, FileLimits limits)
    {
        ArgumentNullException.ThrowIfNull(xml);
        bool more;
        try
        {
            more = xml.Read();
        }
        catch (XmlException error)
        {
            throw new FileRefusedException(error.Message.Contains("DTD", StringComparison.Ordinal)
                ? "it contains a DTD (DOCTYPE), which Office files never need and which is not read"
                : $"its XML is not well formed ({error.Message})", error);
        }

        if (more && xml.Depth > limits.MaxXmlDepth)
        {
            throw new FileRefusedException(nameof(FileLimits.MaxXmlDepth), limits.MaxXmlDepth, $"its XML nests deeper than {limits.MaxXmlDepth} levels");
        }

        return more;
    }
}
