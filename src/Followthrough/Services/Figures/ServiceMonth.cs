namespace Followthrough.Services.Figures;

/// <summary>A month's service figures: one row per unit with items or applications, and the city's total.</summary>
public sealed record ServiceMonth(string Month, IReadOnlyList<UnitServiceFigures> Units, UnitServiceFigures Total);

/// <summary>
/// One unit's figures for a month (the total has no unit). Items are the catalogue's items in force now, by delivery
/// level. Received counts applications filed in the month; decided, approved, on time (decided on or before the committed
/// due date) and auto-decided (by rules, no human step) count decisions made in the month, and the averages are over those
/// decisions: working days used from acceptance to decision, against the committed and statutory limits. Visits: one
/// for each application filed at a service window.
/// </summary>
public sealed record UnitServiceFigures(
    int? UnitId,
    string UnitCode,
    string UnitNameZh,
    string UnitNameEn,
    ItemsByLevel Items,
    int Received,
    int Visits,
    int Decided,
    int Approved,
    int OnTime,
    int AutoDecided,
    double? AverageDaysUsed,
    double? AverageCommittedDays,
    double? AverageStatutoryDays)
{
    /// <summary>On-time decisions in percent of the month's decisions; null when nothing was decided.</summary>
    public double? OnTimePercent => Decided == 0 ? null : Math.Round(100.0 * OnTime / Decided, 1);

    /// <summary>Decisions made by rules in percent of the month's decisions.</summary>
    public double? AutoDecidedPercent => Decided == 0 ? null : Math.Round(100.0 * AutoDecided / Decided, 1);
}

/// <summary>Items in force by delivery level: 马上办, 网上办, 一次办, 掌上办.</summary>
public sealed record ItemsByLevel(int RunImmediately, int Online, int AtMostOnce, int OnThePalm)
{
    public int Total => RunImmediately + Online + AtMostOnce + OnThePalm;
}
