using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Followthrough.Tasks.Pages;

/// <summary>The English keys (translated in TasksText.zh-Hans.resx) for the module's enums, steps and standings.</summary>
internal static class TaskLabels
{
    public static string Of(TaskState state) => state switch
    {
        TaskState.Draft => "Draft",
        TaskState.Assigned => "Assigned, to sign for",
        TaskState.Returned => "Returned by the unit",
        TaskState.SignedFor => "Signed for",
        TaskState.InProgress => "In progress",
        TaskState.CompletionClaimed => "Completion claimed",
        TaskState.Closed => "Closed",
        _ => "Cancelled",
    };

    public static string Of(TaskAction action) => action switch
    {
        TaskAction.Assign => "Assign",
        TaskAction.SignFor => "Sign for",
        TaskAction.Return => "Return to the office",
        TaskAction.ReportProgress => "Report progress",
        TaskAction.ClaimCompletion => "Claim completion",
        TaskAction.Verify => "Verify and close",
        TaskAction.SendBack => "Send back for rework",
        TaskAction.Reopen => "Reopen",
        TaskAction.RequestExtension => "Request an extension",
        TaskAction.ApproveExtension => "Approve the extension",
        TaskAction.RefuseExtension => "Refuse the extension",
        TaskAction.Cancel => "Cancel the task",
        TaskAction.ReturnReport => "Return the latest report for rework",
        _ => "Split into sub-tasks",
    };

    /// <summary>Timeline steps: the cycle's own, plus "created", "edited", "imported" and later modules' steps.</summary>
    public static string OfStep(string step) =>
        TaskActions.TryParse(step, out var action) ? Of(action) : step switch
        {
            "created" => "Created",
            "edited" => "Edited",
            "imported" => "Imported",
            _ => step,
        };

    public static string Of(OriginKind origin) => origin switch
    {
        OriginKind.PlanItem => "Plan item",
        OriginKind.Directive => "Leader's directive",
        OriginKind.Suggestion => "Adopted suggestion",
        OriginKind.InspectionFinding => "Inspection finding",
        OriginKind.LeaderCommitment => "Leader's commitment",
        OriginKind.CitizenRating => "Bad citizen rating to rectify",
        _ => "Entered by hand",
    };

    public static string Of(SupervisionLevel level) => level == SupervisionLevel.Key ? "Key item under the leader's watch" : "Routine";

    public static string Of(ReportingCadence cadence) => cadence switch
    {
        ReportingCadence.Weekly => "Weekly",
        ReportingCadence.Monthly => "Monthly",
        ReportingCadence.Quarterly => "Quarterly",
        _ => "At each time node",
    };

    public static string Of(TaskRole role) => role switch
    {
        TaskRole.Supervisor => "Supervision office",
        TaskRole.LeadUnit => "Lead unit",
        TaskRole.Coordinator => "Coordinating lead unit",
        _ => "Reader",
    };

    public static string Of(ExtensionDecision decision) => decision switch
    {
        ExtensionDecision.Pending => "Waiting for a decision",
        ExtensionDecision.Approved => "Approved",
        _ => "Refused",
    };

    public static string Of(ReportPeriodStatus status) => status switch
    {
        ReportPeriodStatus.OnTime => "On time",
        ReportPeriodStatus.Late => "Late",
        ReportPeriodStatus.Missing => "Missing",
        _ => "Not yet due",
    };

    /// <summary>The standing in a sentence: "Overdue by 3 working days", "Due in 2 working days", ...</summary>
    public static string Describe(TaskStanding standing, IStringLocalizer t, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(standing);
        ArgumentNullException.ThrowIfNull(t);
        var what = standing.DueNode is { } node ? string.Format(culture, t["time node “{0}”"], node) : t["the deadline"];
        return standing.Kind switch
        {
            StandingKind.Overdue => string.Format(culture, t["Overdue ({0}) by {1} working days"], what, standing.WorkingDaysLate),
            StandingKind.DueSoon => string.Format(culture, t["Due soon ({0}): {1} working days left"], what, standing.WorkingDaysLeft),
            StandingKind.ReportOverdue => t["Progress report overdue"],
            StandingKind.NotYetDue => string.Format(culture, t["On schedule: {0} working days left"], standing.WorkingDaysLeft),
            StandingKind.NoFixedDeadline => t["Long-term work, no fixed deadline"],
            StandingKind.AwaitingVerification => t["Awaiting verification"],
            StandingKind.ClosedOnTime => t["Closed on time"],
            StandingKind.ClosedLate => string.Format(culture, t["Closed late by {0} working days"], standing.WorkingDaysLate),
            StandingKind.Cancelled => t["Cancelled"],
            _ => t["Not assigned yet"],
        };
    }

    /// <summary>The CSS tag for a standing: red when late, amber when close, blue when fine.</summary>
    public static string CssClass(TaskStanding standing) => standing?.Kind switch
    {
        StandingKind.Overdue or StandingKind.ClosedLate or StandingKind.ReportOverdue => "tag tag-off",
        StandingKind.DueSoon or StandingKind.AwaitingVerification => "tag tag-provisional",
        StandingKind.NotYetDue or StandingKind.ClosedOnTime or StandingKind.NoFixedDeadline => "tag tag-work",
        _ => "tag",
    };

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}
