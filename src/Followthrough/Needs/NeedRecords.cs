namespace Followthrough.Needs;

/// <summary>What filing a need asks. An enterprise names the unit that receives it first (<see cref="UnitId"/>); a
/// unit's staff recording a visit names the enterprise's account (<see cref="EnterprisePersonId"/>) and their own unit
/// receives it.</summary>
public sealed record NeedInput(
    NeedCategory? Category, string? Title, string? Details, bool PublishConsent = false, int? UnitId = null, int? EnterprisePersonId = null);

/// <summary>What a step needs: a hand-on the unit and the reason; a dispatch the lead unit, any co-units and a note; an
/// answer its text; a callback what the enterprise said and a note.</summary>
public sealed record NeedStepInput(
    int? UnitId = null, string? Note = null, int? LeadUnitId = null, IReadOnlyList<int>? CoUnitIds = null, string? Answer = null,
    Satisfaction? Satisfaction = null);

/// <summary>The steps anyone takes on a need after filing.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<NeedAction>))]
public enum NeedAction
{
    HandOn,
    Dispatch,
    Answer,
    CallBack,
}

/// <summary>A need as its enterprise, the units and the supervision office read it.</summary>
public sealed record NeedEntry(
    int Id,
    NeedCategory Category,
    string Title,
    string Details,
    bool PublishConsent,
    NeedChannel Channel,
    int EnterprisePersonId,
    string EnterpriseName,
    string RecordedBy,
    int FirstUnitId,
    int ResponsibleUnitId,
    int? LeadUnitId,
    IReadOnlyList<int> CoUnitIds,
    int? HolderUnitId,
    NeedState State,
    bool Escalated,
    int LimitDays,
    DateOnly ClockFrom,
    DateOnly DueOn,
    string? Answer,
    DateTime? AnsweredAt,
    bool? AnsweredOnTime,
    Satisfaction? Satisfaction,
    DateTime? ClosedAt,
    DateTime FiledAt,
    int Version,
    IReadOnlyList<NeedStepEntry> Steps)
{
    /// <summary>Working days left to the due date today (negative when overdue); null when no clock runs (answered, closed).</summary>
    public int? WorkingDaysLeft { get; init; }

    /// <summary>The steps the reader may take now.</summary>
    public IReadOnlyList<NeedAction> Allowed { get; init; } = [];
}

/// <summary>One step of a need's history.</summary>
public sealed record NeedStepEntry(NeedStep Step, NeedState State, int? UnitId, Satisfaction? Satisfaction, string? Note, DateTime TakenAt, string TakenBy);

/// <summary>A need in a list: the enterprise's own, a unit's queue, the supervision office's overview.</summary>
public sealed record NeedRow(
    int Id,
    NeedCategory Category,
    string Title,
    string EnterpriseName,
    NeedState State,
    int ResponsibleUnitId,
    int? LeadUnitId,
    int? HolderUnitId,
    bool Escalated,
    DateOnly DueOn,
    int? WorkingDaysLeft,
    Satisfaction? Satisfaction,
    DateTime FiledAt)
{
    /// <summary>Its limit has passed and no answer has come yet.</summary>
    public bool IsOverdue => WorkingDaysLeft is < 0;
}

/// <summary>The supervision office's overview: the open needs, overdue first, and how many stand in each state.</summary>
public sealed record NeedsOverview(IReadOnlyList<NeedRow> Open, IReadOnlyDictionary<NeedState, int> ByState, int Overdue, int Escalated);
