namespace Followthrough.Ratings.Figures;

/// <summary>
/// One row of the ratings figures (好差评统计): a unit's, an item's or the city's for a month. Ratings taken out by an
/// upheld appeal count in nothing but <see cref="AppealsUpheld"/>.
/// </summary>
public sealed record RatingFigureRow(
    int? UnitId,
    string UnitCode,
    string UnitNameZh,
    string UnitNameEn,
    int? ItemId,
    string ItemCode,
    string ItemNameZh,
    string ItemNameEn,
    int Received,
    int VerySatisfied,
    int Satisfied,
    int BasicallySatisfied,
    int Dissatisfied,
    int VeryDissatisfied,
    int Rectified,
    int RectifiedOnTime,
    int CalledBack,
    int AppealsUpheld)
{
    /// <summary>Bad ratings (差评): dissatisfied and very dissatisfied.</summary>
    public int Bad => Dissatisfied + VeryDissatisfied;

    /// <summary>Satisfaction rate (满意率): very satisfied, satisfied and basically satisfied ÷ received, in percent.</summary>
    public double? SatisfactionPercent => Percent(VerySatisfied + Satisfied + BasicallySatisfied, Received);

    /// <summary>Each grade's share of the ratings received, in percent, best grade first.</summary>
    public IReadOnlyList<double?> GradeShares =>
        [Percent(VerySatisfied, Received), Percent(Satisfied, Received), Percent(BasicallySatisfied, Received), Percent(Dissatisfied, Received), Percent(VeryDissatisfied, Received)];

    private static double? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);
}

/// <summary>A month's ratings figures: per unit, per item, and the city's total.</summary>
public sealed record RatingMonth(string Month, IReadOnlyList<RatingFigureRow> Units, IReadOnlyList<RatingFigureRow> Items, RatingFigureRow Total);

/// <summary>One month of a trend: the month and its figures (for a unit, or the city).</summary>
public sealed record RatingTrendPoint(string Month, RatingFigureRow Figures, bool Published);
