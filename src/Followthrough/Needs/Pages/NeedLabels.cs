namespace Followthrough.Needs.Pages;

/// <summary>The English words for needs' categories, states, steps and callbacks, and what happens next; they are the keys of their Chinese text.</summary>
internal static class NeedLabels
{
    public static string Of(NeedCategory category) => category switch
    {
        NeedCategory.PolicyBottleneck => "Policy bottleneck",
        NeedCategory.Approvals => "Approvals",
        NeedCategory.Financing => "Financing",
        NeedCategory.Land => "Land",
        NeedCategory.Talent => "Talent",
        NeedCategory.Infrastructure => "Infrastructure",
        NeedCategory.MarketAccess => "Market access",
        _ => "Other (questions, consultations)",
    };

    public static string Of(NeedState state) => state switch
    {
        NeedState.Filed => "Received",
        NeedState.Dispatched => "Being handled",
        NeedState.Answered => "Answered, waiting for the callback",
        NeedState.Reopened => "Reopened at the supervision office",
        _ => "Closed",
    };

    public static string Of(NeedStep step) => step switch
    {
        NeedStep.Filed => "Filed",
        NeedStep.HandedOn => "Handed on",
        NeedStep.Dispatched => "Dispatched",
        NeedStep.Answered => "Answered",
        NeedStep.CalledBack => "Called back",
        NeedStep.Reopened => "Reopened at a higher level",
        _ => "Closed",
    };

    public static string Of(Satisfaction satisfaction) => satisfaction switch
    {
        Satisfaction.Satisfied => "Satisfied",
        Satisfaction.BasicallySatisfied => "Basically satisfied",
        _ => "Dissatisfied",
    };

    public static string Of(NeedAction action) => action switch
    {
        NeedAction.HandOn => "Hand on to another unit",
        NeedAction.Dispatch => "Dispatch",
        NeedAction.Answer => "Send the answer",
        _ => "Record the callback",
    };

    /// <summary>What happens next, in words both the enterprise and the units understand; {0} is the due date.</summary>
    public static string Next(NeedState state) => state switch
    {
        NeedState.Filed => "The unit that received the need is responsible for it: it dispatches it to the unit that answers it, or hands it on to the right unit with a reason. The answer is due by {0}.",
        NeedState.Dispatched => "The lead unit is working on the need with any co-units; its answer is due by {0}.",
        NeedState.Answered => "The need has been answered. Next the enterprise is called back and says whether it is satisfied; if not, the need goes once to the supervision office, which has it handled again.",
        NeedState.Reopened => "The enterprise was not satisfied, so the supervision office has taken the need over and dispatches it again; the new answer is due by {0}.",
        _ => "The need is closed. Nothing more is needed.",
    };
}
