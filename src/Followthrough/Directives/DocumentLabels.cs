using Followthrough.Directives.Documents;

namespace Followthrough.Directives;

/// <summary>The English names (translation keys) of the module's values, for pages.</summary>
internal static class DocumentLabels
{
    public static string Kind(DocumentKind kind) => kind switch
    {
        DocumentKind.MeetingRecord => "Meeting record",
        DocumentKind.Speech => "Speech",
        DocumentKind.InvestigationReport => "Investigation report",
        DocumentKind.InspectionFeedback => "Inspection feedback",
        DocumentKind.GovernmentWorkReport => "Government work report",
        DocumentKind.PlanText => "Plan text",
        _ => kind.ToString(),
    };

    public static string Status(CandidateStatus status) => status switch
    {
        CandidateStatus.Pending => "Not yet reviewed",
        CandidateStatus.Accepted => "Accepted",
        CandidateStatus.Rejected => "Rejected",
        CandidateStatus.TaskCreated => "Task created",
        _ => status.ToString(),
    };
}
