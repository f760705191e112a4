using System.Text.Json.Serialization;
using Followthrough.Storage;

namespace Followthrough.Directives.Documents;

/// <summary>What kind of text the directives come from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DocumentKind>))]
internal enum DocumentKind
{
    /// <summary>会议纪要.</summary>
    MeetingRecord,

    /// <summary>讲话.</summary>
    Speech,

    /// <summary>调研报告.</summary>
    InvestigationReport,

    /// <summary>督察反馈.</summary>
    InspectionFeedback,

    /// <summary>政府工作报告.</summary>
    GovernmentWorkReport,

    /// <summary>规划文本.</summary>
    PlanText,
}

/// <summary>
/// A meeting record, speech, report or plan text whose directives are drafted into tasks. The text is what the
/// extractor read (offsets of candidates point into it); the original file is kept byte for byte beside it under
/// the data folder, named by its SHA-256.
/// </summary>
internal sealed class SourceDocument : IVersioned, ITimestamped
{
    public int Id { get; set; }

    public DocumentKind Kind { get; set; }

    public required string Title { get; set; }

    /// <summary>The day of the meeting or the document; relative time limits are resolved against it.</summary>
    public DateOnly DocumentDate { get; set; }

    public string IssuingBody { get; set; } = string.Empty;

    /// <summary>en or zh, as detected.</summary>
    public required string Language { get; set; }

    public required string Text { get; set; }

    /// <summary>The uploaded file's name, or "pasted.txt" for pasted text.</summary>
    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long SizeBytes { get; set; }

    public required string Sha256 { get; set; }

    public int? UploadedById { get; set; }

    public int Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
