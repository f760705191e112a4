using System.Text.Json.Serialization;

namespace Followthrough.Tasks;

/// <summary>Where a task came from (任务来源).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OriginKind>))]
public enum OriginKind
{
    /// <summary>A measure of a Five-Year Plan or an annual work report (规划任务).</summary>
    PlanItem,

    /// <summary>A leader's directive from a meeting record, speech or investigation (领导批示/会议议定事项).</summary>
    Directive,

    /// <summary>A suggestion adopted from a symposium (座谈会建议).</summary>
    Suggestion,

    /// <summary>A problem found by an inspection that must be rectified (督察反馈问题).</summary>
    InspectionFinding,

    /// <summary>A deliverable a leader committed to in public (领导承诺事项).</summary>
    LeaderCommitment,

    /// <summary>Entered by hand by the supervision office.</summary>
    Manual,

    /// <summary>A bad citizen rating to rectify (差评整改).</summary>
    CitizenRating,
}

/// <summary>How closely the supervision office follows a task.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SupervisionLevel>))]
public enum SupervisionLevel
{
    /// <summary>A key item under the lead leader's personal watch (重点督办).</summary>
    Key,

    /// <summary>Routine supervision (常规督办).</summary>
    Routine,
}

/// <summary>How the deadline was given.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeadlineKind>))]
public enum DeadlineKind
{
    /// <summary>A calendar date, e.g. "2021年6月底前".</summary>
    Date,

    /// <summary>N working days from assignment, counted with the official calendar when the task is assigned.</summary>
    WorkingDays,

    /// <summary>Long-term work without a fixed deadline (长期坚持); time nodes and reports still apply.</summary>
    None,
}

/// <summary>How often the lead unit reports progress (报送频次).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReportingCadence>))]
public enum ReportingCadence
{
    Weekly,
    Monthly,
    Quarterly,

    /// <summary>A report at each time node (and at the deadline).</summary>
    OnTimeNodes,
}
