using System.IO.Compression;
using System.Xml;

namespace Followthrough.Storage.Files;

/// <summary>
/// An Office package (a zip) opened for reading under <see cref="FileLimits"/>: at most so many entries, each part
/// counted as it expands (the sizes the zip declares are not trusted) against a limit per part and in total, and its
/// XML read with <see cref="GuardedXml"/>. Part names are matched without regard to case, as Office does.
/// </summary>
internal sealed class GuardedPackage : IDisposable
{
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";

    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private long _expanded;

    private GuardedPackage(ZipArchive zip, FileLimits limits)
    {
        _zip = zip;
        Limits = limits;
    }

    public FileLimits Limits { get; }

    /// <summary>Opens the package; a file that is not a zip, or holds too many entries, is refused.</summary>
    public static GuardedPackage Open(byte[] content, FileLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        }
        catch (Exception error) when (error is InvalidDataException or ArgumentException or IOException or NotSupportedException)
        {
            throw new FileRefusedException("it is not a zip package (an Office file is one)", error);
        }

        var package = new GuardedPackage(zip, limits);
        try
        {
            if (zip.Entries.Count > limits.MaxZipEntries)
            {
                throw new FileRefusedException(nameof(FileLimits.MaxZipEntries), limits.MaxZipEntries, $"the package holds {zip.Entries.Count} files");
            }

            foreach (var entry in zip.Entries)
            {
                package._entries.TryAdd(entry.FullName.TrimStart('/').Replace('\\', '/'), entry);
            }

            return package;
        }
        catch
        {
            package.Dispose();
            throw;
        }
    }

    public bool Has(string part) => _entries.ContainsKey(part);

    public IReadOnlySet<string> Parts => _entries.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Opens a part for reading, counted as it expands; null when there is no such part.</summary>
    public Stream? OpenPart(string part)
    {
        if (!_entries.TryGetValue(part, out var entry))
        {
            return null;
        }

        // A declared size past the limit is refused at once; a smaller declared size proves nothing and is counted.
        if (entry.Length > Limits.MaxEntryBytes)
        {
            throw TooLargePart(part);
        }

        try
        {
            return new CountedStream(entry.Open(), this, part);
        }
        catch (Exception error) when (error is InvalidDataException or IOException or NotSupportedException)
        {
            throw new FileRefusedException($"the part {part} cannot be read", error);
        }
    }

    /// <summary>Opens a part as guarded XML; null when there is no such part.</summary>
    public XmlReader? OpenXml(string part) => OpenPart(part) is { } stream ? GuardedXml.Create(stream, Limits) : null;

    /// <summary>
    /// The relationships of a part (or of the package, for ""), as id → (type, target part name), targets resolved
    /// against the part's folder.
    /// </summary>
    public Dictionary<string, (string Type, string Target)> Relationships(string part)
    {
        var folder = part.Contains('/', StringComparison.Ordinal) ? part[..(part.LastIndexOf('/') + 1)] : string.Empty;
        var name = part[folder.Length..];
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        using var xml = OpenXml($"{folder}_rels/{name}.rels");
        if (xml is null)
        {
            return result;
        }

        while (GuardedXml.Read(xml, Limits))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.NamespaceURI == RelationshipNamespace
                && xml.GetAttribute("Id") is { } id && xml.GetAttribute("Target") is { } target && xml.GetAttribute("TargetMode") != "External")
            {
                result.TryAdd(id, (xml.GetAttribute("Type") ?? string.Empty, Resolve(folder, target)));
            }
        }

        return result;
    }

    /// <summary>The part a relationship of the given type (ending, such as "/officeDocument") points to, if any.</summary>
    public static string? Target(Dictionary<string, (string Type, string Target)> relationships, string typeEnding) =>
        relationships.Values.Where(r => r.Type.EndsWith(typeEnding, StringComparison.Ordinal)).Select(r => r.Target).FirstOrDefault();

    public void Dispose() => _zip.Dispose();

    private static string Resolve(string folder, string target)
    {
        var path = target.StartsWith('/') ? target[1..] : folder + target;
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment is not ("." or ""))
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }

    private FileRefusedException TooLargePart(string part) =>
        new(nameof(FileLimits.MaxEntryBytes), Limits.MaxEntryBytes, $"the part {part} expands to more than {Limits.MaxEntryBytes:N0} bytes");

    private void Count(string part, long entryBytes, int read)
    {
        _expanded += read;
        if (entryBytes > Limits.MaxEntryBytes)
        {
            throw TooLargePart(part);
        }

        if (_expanded > Limits.MaxExpandedBytes)
        {
            throw new FileRefusedException(nameof(FileLimits.MaxExpandedBytes), Limits.MaxExpandedBytes, $"the package expands to more than {Limits.MaxExpandedBytes:N0} bytes");
        }
    }

    /// <summary>A part's decompressed bytes, counted as they are read.</summary>
    private sealed class CountedStream(Stream inner, GuardedPackage package, string part) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int read;
            try
            {
                read = inner.Read(buffer);
            }
            catch (InvalidDataException error)
            {
                throw new FileRefusedException($"the part {part} is damaged", error);
            }

            _read += read;
            package.Count(part, _read, read);
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
