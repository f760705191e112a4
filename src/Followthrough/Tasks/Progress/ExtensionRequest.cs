using System.Text.Json.Serialization;

namespace Followthrough.Tasks;

[JsonConverter(typeof(JsonStringEnumConverter<ExtensionDecision>))]
internal enum ExtensionDecision
{
    Pending,
    Approved,
    Refused,
}

/// <summary>A lead unit's request for a later deadline (申请延期), and the supervisor's decision on it.</summary>
internal sealed class ExtensionRequest
{
    public int Id { get; set; }

    public int TaskId { get; set; }

    public DateOnly? PreviousDeadline { get; set; }

    public DateOnly RequestedDeadline { get; set; }

    public required string Reason { get; set; }

    public DateTime RequestedAt { get; set; }

    public required string RequestedByName { get; set; }

    public ExtensionDecision Decision { get; set; } = ExtensionDecision.Pending;

    /// <summary>The deadline granted, which may differ from the one asked for.</summary>
    public DateOnly? GrantedDeadline { get; set; }

    public DateTime? DecidedAt { get; set; }

    public string? DecidedByName { get; set; }

    public string? DecisionComment { get; set; }
}
