namespace Followthrough.Plans;

/// <summary>
/// A file offered as evidence for a reported value (a statistical bulletin, a scan of a signed report). The bytes live
/// under the data folder, named by their SHA-256, so a file can be checked against its record at any time.
/// </summary>
internal sealed class IndicatorEvidence
{
    public int Id { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public required string Sha256 { get; set; }

    public DateTime UploadedAt { get; set; }

    public int? UploadedById { get; set; }

    public required string UploadedByName { get; set; }
}
