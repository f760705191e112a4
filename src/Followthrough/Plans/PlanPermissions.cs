namespace Followthrough.Plans;

/// <summary>Who may do what in this module, as plain rules that every endpoint and page asks; nothing is decided by
/// hiding a button. Unit staff act only for their own unit; outside accounts see only what concerns them.</summary>
internal static class PlanPermissions
{
    /// <summary>Plans, their items, indicators and reported values are the government's own: any government account reads them.</summary>
    public static bool CanReadPlans(CurrentUser user) => CurrentUser.IsGovernmentStaff(user);

    /// <summary>Administrators and the supervision office draft and change plans, items and indicators, and import them.</summary>
    public static bool CanEditPlans(CurrentUser user) => user?.Role is Role.Administrator or Role.Supervisor;

    /// <summary>
    /// Actual values of an indicator come from the unit that reports it (its staff, for their own unit only) or from the
    /// supervision office; the same rule covers corrections. Nobody else records figures, administrators included.
    /// </summary>
    public static bool CanRecordIndicatorValue(CurrentUser user, Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return user?.Role switch
        {
            Role.Supervisor => true,
            Role.UnitStaff => user.UnitId is not null && user.UnitId == indicator.ReportingUnitId,
            _ => false,
        };
    }

    /// <summary>
    /// An evidence file belongs to whoever uploaded it and to the unit whose indicator values cite it. Unit staff see
    /// (download, cite) only those: another unit's evidence is not theirs to know of, so it answers as if absent. The
    /// supervision office, leaders and administrators, who read every unit's figures, see all evidence.
    /// </summary>
    public static bool CanSeeEvidence(CurrentUser user, int? uploadedById, bool citedForOwnUnit)
    {
        if (!CanReadPlans(user))
        {
            return false;
        }

        return user.Role != Role.UnitStaff || (uploadedById is { } uploader && uploader == user.PersonId) || citedForOwnUnit;
    }
}
