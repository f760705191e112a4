using Followthrough.Services.Catalogue;

namespace Followthrough.Demo;

/// <summary>
/// The review steps (审查环节) of a few demo licences, in our own words: a check of the file at the window, an
/// on-site or technical look by a reviewer (审核人), and the approver's own review, each inside the committed limit.
/// </summary>
internal static class DemoReviewSteps
{
    private static ReviewStepInput Step(string zh, string en, int days, string duty) => new(zh, en, days, duty);

    private static readonly ReviewStepInput Files = Step("材料审查", "Check of the file", 2, "WindowOfficer");

    private static readonly ReviewStepInput Sign = Step("审核签批", "Approver's review", 2, "Approver");

    /// <summary>The steps by item code; items not listed go straight from acceptance to the decision.</summary>
    public static readonly IReadOnlyDictionary<string, ReviewStepInput?[]> ByCode = new Dictionary<string, ReviewStepInput?[]>(StringComparer.Ordinal)
    {
        ["DL-DRC-002"] = [Files, Step("项目评估", "Assessment of the project", 5, "Reviewer"), Sign],
        ["DL-MSA-005"] = [Step("材料审查", "Check of the file", 1, "WindowOfficer"), Step("经营场所现场核查", "On-site check of the premises", 4, "Reviewer"), Step("审核签批", "Approver's review", 1, "Approver")],
        ["DL-EEB-001"] = [Step("技术审查", "Technical review of the report", 10, "Reviewer"), Step("拟审批公示", "Public notice of the intended approval", 5, "WindowOfficer"), Step("审核签批", "Approver's review", 3, "Approver")],
        ["DL-NRB-001"] = [Files, Step("规划条件核对", "Check against the planning conditions", 3, "Approver")],
        ["DL-HRS-005"] = [Files, Step("实地核查", "On-site check of the office and staff", 5, "Reviewer"), Sign],
    };
}
