using Followthrough.Services.Applications;

namespace Followthrough.Services.Pages;

/// <summary>The English words for applications' states and steps, and what happens next; they are the keys of their Chinese text.</summary>
internal static class ApplicationLabels
{
    public static string Of(ApplicationState state) => state switch
    {
        ApplicationState.Received => "Received",
        ApplicationState.Accepted => "Accepted",
        ApplicationState.Refused => "Not accepted",
        ApplicationState.SupplementRequested => "Supplement requested",
        ApplicationState.Approved => "Approved",
        ApplicationState.Rejected => "Refused",
        ApplicationState.Delivered => "Delivered",
        _ => "Withdrawn",
    };

    public static string Of(ApplicationStep step) => step switch
    {
        ApplicationStep.Filed => "Filed",
        ApplicationStep.Accepted => "Accepted",
        ApplicationStep.Refused => "Not accepted",
        ApplicationStep.SupplementRequested => "Supplement requested",
        ApplicationStep.Resubmitted => "Resubmitted",
        ApplicationStep.Approved => "Approved",
        ApplicationStep.Rejected => "Refused",
        ApplicationStep.Delivered => "Delivered",
        ApplicationStep.PromiseKept => "Promised materials supplied",
        ApplicationStep.ExtensionRequested => "Extension asked for",
        ApplicationStep.ExtensionApproved => "Time limit extended",
        ApplicationStep.Paused => "Clock paused",
        ApplicationStep.DueDatesChanged => "Due dates changed",
        ApplicationStep.ReviewStepCompleted => "Review step completed",
        ApplicationStep.ReviewStepSentBack => "Sent back to the previous review step",
        _ => "Withdrawn",
    };

    /// <summary>What happens next, told to the applicant.</summary>
    public static string Next(ApplicationState state) => state switch
    {
        ApplicationState.Received => "The unit checks your materials and accepts the application, asks you for more, or tells you why it cannot accept it.",
        ApplicationState.Accepted => "The unit reviews the application and decides by the committed due date.",
        ApplicationState.Refused => "The application was not accepted. The reason and the legal basis are below.",
        ApplicationState.SupplementRequested => "Supplement what is listed below and resubmit; the unit then checks the application again.",
        ApplicationState.Approved => "The application is approved; the unit delivers the decision to you.",
        ApplicationState.Rejected => "The application is refused; the unit delivers the decision with its reasons to you.",
        ApplicationState.Delivered => "The decision has been delivered. Nothing more is needed.",
        _ => "You withdrew the application. Nothing more is needed.",
    };

    /// <summary>The button that takes a step.</summary>
    public static string Action(ApplicationStep step) => step switch
    {
        ApplicationStep.Accepted => "Accept",
        ApplicationStep.Refused => "Do not accept",
        ApplicationStep.SupplementRequested => "Ask for a supplement",
        ApplicationStep.Resubmitted => "Resubmit",
        ApplicationStep.Approved => "Approve",
        ApplicationStep.Rejected => "Refuse",
        ApplicationStep.Delivered => "Mark as delivered",
        ApplicationStep.PromiseKept => "Mark the promised materials supplied",
        ApplicationStep.ExtensionRequested => "Ask for an extension",
        ApplicationStep.ExtensionApproved => "Approve the extension",
        ApplicationStep.Paused => "Record a pause",
        ApplicationStep.DueDatesChanged => "Due dates changed",
        ApplicationStep.ReviewStepCompleted => "Review step completed",
        ApplicationStep.ReviewStepSentBack => "Send back to the previous step",
        _ => "Withdraw the application",
    };

    /// <summary>Why the clock stopped.</summary>
    public static string Of(PauseKind kind) => kind switch
    {
        PauseKind.Hearing => "Hearing",
        PauseKind.Testing => "Testing, inspection or quarantine",
        PauseKind.ExpertReview => "Expert review",
        _ => "Other period the law does not count",
    };
}
