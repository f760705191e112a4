namespace Followthrough.Evaluation;

/// <summary>Who may do what in this module, as plain rules that every endpoint and page asks; nothing is decided by
/// hiding a button. Unit staff act only for their own unit; outside accounts see only what concerns them.</summary>
internal static class EvaluationPermissions
{
    /// <summary>Bulletins are circulated to every unit: any government account reads them, the rankings of others included.</summary>
    public static bool CanReadBulletins(CurrentUser user) => CurrentUser.IsGovernmentStaff(user);

    /// <summary>Only the supervision office judges the quality of units' work and records rewards and accountability.</summary>
    public static bool CanEvaluateUnits(CurrentUser user) => user?.Role == Role.Supervisor;
}
