namespace Followthrough.Tasks;

/// <summary>
/// A file attached to a progress report as evidence. The bytes live under the data folder, named by their SHA-256,
/// never in the database, so the hot tables stay small and a checksum proves the file was not changed.
/// </summary>
internal sealed class EvidenceFile
{
    public long Id { get; set; }

    public int TaskId { get; set; }

    public long ReportId { get; set; }

    public ProgressReport? Report { get; set; }

    /// <summary>The name the uploader gave it, for the download; never used as a path.</summary>
    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>Lower-case hex SHA-256 of the content; also the stored file's name.</summary>
    public required string Sha256 { get; set; }

    public DateTime UploadedAt { get; set; }
}
