using System.Globalization;
using Followthrough.Storage;

namespace Followthrough.Ratings.Figures;

/// <summary>
/// Counts one month of ratings per unit and item with three grouped reads: the grades (from the covering index
/// <c>ix_service_ratings_month_figures</c>, without reading the rows), the bad ratings' rectification and callback,
/// and the ratings taken out by an upheld appeal, which are then subtracted. The same rows give the same answer.
/// </summary>
internal static class RatingCounts
{
    public sealed class Tally
    {
        public int VerySatisfied;
        public int Satisfied;
        public int BasicallySatisfied;
        public int Dissatisfied;
        public int VeryDissatisfied;
        public int Rectified;
        public int RectifiedOnTime;
        public int CalledBack;
        public int AppealsUpheld;

        public int Received => VerySatisfied + Satisfied + BasicallySatisfied + Dissatisfied + VeryDissatisfied;

        public void Add(string grade, int count)
        {
            switch (grade)
            {
                case nameof(RatingGrade.VerySatisfied): VerySatisfied += count; break;
                case nameof(RatingGrade.Satisfied): Satisfied += count; break;
                case nameof(RatingGrade.BasicallySatisfied): BasicallySatisfied += count; break;
                case nameof(RatingGrade.Dissatisfied): Dissatisfied += count; break;
                case nameof(RatingGrade.VeryDissatisfied): VeryDissatisfied += count; break;
                default: throw new InvalidOperationException($"Unknown grade '{grade}' in service_ratings.");
            }
        }

        public void Add(Tally other)
        {
            VerySatisfied += other.VerySatisfied;
            Satisfied += other.Satisfied;
            BasicallySatisfied += other.BasicallySatisfied;
            Dissatisfied += other.Dissatisfied;
            VeryDissatisfied += other.VeryDissatisfied;
            Rectified += other.Rectified;
            RectifiedOnTime += other.RectifiedOnTime;
            CalledBack += other.CalledBack;
            AppealsUpheld += other.AppealsUpheld;
        }
    }

    /// <summary>The month's tallies keyed by (unit, item); <paramref name="unitId"/> narrows them to one unit.</summary>
    public static async Task<Dictionary<(int Unit, int Item), Tally>> MonthAsync(
        FollowthroughDb db, string month, int? unitId, CancellationToken cancellationToken)
    {
        var tallies = new Dictionary<(int, int), Tally>();
        Tally Of(int unit, int item) => tallies.TryGetValue((unit, item), out var t) ? t : tallies[(unit, item)] = new Tally();
        var unitFilter = unitId is null ? string.Empty : " AND unit_id = @unit";
        IEnumerable<(string, object?)> Parameters() => unitId is null ? [("@month", month)] : [("@month", month), ("@unit", unitId.Value)];

        var grades = await db.QueryAsync(
            "SELECT unit_id, item_id, grade, COUNT(*) FROM service_ratings WHERE rated_month = @month" + unitFilter + " GROUP BY unit_id, item_id, grade",
            Parameters(), r => (Unit: r.GetInt32(0), Item: r.GetInt32(1), Grade: r.GetString(2), Count: Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture)),
            cancellationToken);
        foreach (var g in grades)
        {
            Of(g.Unit, g.Item).Add(g.Grade, g.Count);
        }

        var upheld = await db.QueryAsync(
            "SELECT r.id, r.unit_id, r.item_id, r.grade FROM rating_appeals a JOIN service_ratings r ON r.id = a.rating_id "
            + "WHERE a.outcome = 'Upheld' AND r.rated_month = @month" + unitFilter.Replace("unit_id", "r.unit_id", StringComparison.Ordinal),
            Parameters(), r => (Id: r.GetInt32(0), Unit: r.GetInt32(1), Item: r.GetInt32(2), Grade: r.GetString(3)), cancellationToken);
        var out_ = new HashSet<int>();
        foreach (var u in upheld)
        {
            var tally = Of(u.Unit, u.Item);
            tally.Add(u.Grade, -1);
            tally.AppealsUpheld++;
            out_.Add(u.Id);
        }

        var cases = await db.QueryAsync(
            "SELECT r.id, r.unit_id, r.item_id, c.due_on, c.rectified_at, c.state FROM rating_rectifications c "
            + "JOIN service_ratings r ON r.id = c.rating_id WHERE r.rated_month = @month" + unitFilter.Replace("unit_id", "r.unit_id", StringComparison.Ordinal),
            Parameters(),
            r => (Id: r.GetInt32(0), Unit: r.GetInt32(1), Item: r.GetInt32(2), Due: r.GetDayOrNull(3),
                Rectified: r.IsDBNull(4) ? (DateTime?)null : r.GetFieldValue<DateTime>(4), CalledBack: r.GetString(5) == nameof(RectificationState.CalledBack)),
            cancellationToken);
        foreach (var c in cases.Where(c => !out_.Contains(c.Id)))
        {
            var tally = Of(c.Unit, c.Item);
            if (c.Rectified is { } at)
            {
                tally.Rectified++;
                if (c.Due is { } due && DateOnly.FromDateTime(ChinaClock.Local(at)) <= due)
                {
                    tally.RectifiedOnTime++;
                }
            }

            if (c.CalledBack)
            {
                tally.CalledBack++;
            }
        }

        return tallies;
    }
}
