using System.Text.Json.Serialization;

namespace Followthrough.Services.Applications;

/// <summary>Where an application stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApplicationState>))]
public enum ApplicationState
{
    /// <summary>收件: filed, waiting for the unit to accept it, refuse it or ask for more.</summary>
    Received,

    /// <summary>受理: accepted; the clock runs.</summary>
    Accepted,

    /// <summary>不予受理: refused at acceptance, with reason and legal basis. Ends the application.</summary>
    Refused,

    /// <summary>补正: the applicant must supplement what the unit listed, then resubmit.</summary>
    SupplementRequested,

    /// <summary>准予: decided in the applicant's favour.</summary>
    Approved,

    /// <summary>不予许可: decided against the applicant, with reasons.</summary>
    Rejected,

    /// <summary>送达: the decision has been delivered. Ends the application.</summary>
    Delivered,

    /// <summary>撤回: withdrawn by the applicant before a decision. Ends the application.</summary>
    Withdrawn,
}

/// <summary>A step of an application.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApplicationStep>))]
public enum ApplicationStep
{
    Filed,
    Accepted,
    Refused,
    SupplementRequested,
    Resubmitted,
    Approved,
    Rejected,
    Delivered,
    Withdrawn,

    /// <summary>The applicant supplied what they promised under 容缺受理.</summary>
    PromiseKept,

    /// <summary>The handling unit asks to extend the time limit (Art. 42), with its reason.</summary>
    ExtensionRequested,

    /// <summary>The approver extended the time limit.</summary>
    ExtensionApproved,

    /// <summary>A period that does not count was recorded (Art. 45).</summary>
    Paused,

    /// <summary>The due dates changed (a pause, an extension or the working-day calendar): old → new.</summary>
    DueDatesChanged,

    /// <summary>A review step (审查环节) was completed, with the note of whoever completed it.</summary>
    ReviewStepCompleted,

    /// <summary>The current review step sent the application back (退回) to the step before it, with the reason.</summary>
    ReviewStepSentBack,
}

/// <summary>Why the clock stops (Administrative Licensing Law Art. 45).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PauseKind>))]
public enum PauseKind
{
    /// <summary>听证.</summary>
    Hearing,

    /// <summary>检验、检测、检疫.</summary>
    Testing,

    /// <summary>专家评审.</summary>
    ExpertReview,

    /// <summary>Another period the law does not count (招标、拍卖、鉴定...).</summary>
    Other,
}

/// <summary>How the application came in.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApplicationChannel>))]
public enum ApplicationChannel
{
    /// <summary>Filed online by the applicant.</summary>
    Online,

    /// <summary>Recorded by staff at a service window for the applicant.</summary>
    Window,
}
