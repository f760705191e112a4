using System.Text.Json.Serialization;
using Followthrough.Tasks;

namespace Followthrough.Commitments;

/// <summary>Where a leader's public commitment (承诺事项) stands, in the words the public and the office use (践诺).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CommitmentStanding>))]
public enum CommitmentStanding
{
    /// <summary>Not yet handed to a unit.</summary>
    NotStarted,

    /// <summary>Under way and not past its date.</summary>
    OnTime,

    /// <summary>Past the date and not delivered.</summary>
    Overdue,

    /// <summary>The unit says it is delivered; the supervision office is checking.</summary>
    AwaitingVerification,

    /// <summary>Delivered by the date (践诺).</summary>
    Kept,

    /// <summary>Delivered, after the date.</summary>
    KeptLate,

    /// <summary>Withdrawn with a reason.</summary>
    Withdrawn,
}

internal static class CommitmentStandings
{
    /// <summary>A commitment is a task whose origin is <see cref="OriginKind.LeaderCommitment"/>: its standing is the task's, renamed.</summary>
    public static CommitmentStanding From(TaskStanding standing)
    {
        ArgumentNullException.ThrowIfNull(standing);
        return standing.Kind switch
        {
            StandingKind.NotAssigned => CommitmentStanding.NotStarted,
            StandingKind.Overdue => CommitmentStanding.Overdue,
            StandingKind.AwaitingVerification => CommitmentStanding.AwaitingVerification,
            StandingKind.ClosedOnTime => CommitmentStanding.Kept,
            StandingKind.ClosedLate => CommitmentStanding.KeptLate,
            StandingKind.Cancelled => CommitmentStanding.Withdrawn,
            _ => CommitmentStanding.OnTime,
        };
    }
}
