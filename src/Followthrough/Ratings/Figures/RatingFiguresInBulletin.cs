using System.Globalization;
using Followthrough.Evaluation;

namespace Followthrough.Ratings.Figures;

/// <summary>
/// The units' ratings figures as a section of the evaluation bulletin (通报), through Evaluation's seam
/// <see cref="IBulletinSection"/>: the months the period touches, summed per unit. Shown beside the ranking, not in it.
/// </summary>
internal sealed class RatingFiguresInBulletin(RatingFigures figures) : IBulletinSection
{
    public static readonly BulletinWords Title = new("Citizen ratings (好差评)", "好差评");

    public static readonly BulletinWords Rule = new(
        "Ratings given in the months the period touches (China time), less those taken out by an upheld appeal. "
        + "Satisfaction rate = (very satisfied + satisfied + basically satisfied) ÷ ratings. Bad ratings: dissatisfied and very "
        + "dissatisfied; rectified on time: the rectification recorded on or before its due day; called back: the rater was "
        + "called back (回访). Not part of the ranking.",
        "取自评价期所涉各月（北京时间）收到的评价，不含申诉成立的评价。满意率 =（非常满意 + 满意 + 基本满意）÷ 评价数。"
        + "差评：不满意和非常不满意；按时整改：不晚于整改期限记录整改；回访：已回访评价人。不计入排名。");

    public static readonly IReadOnlyList<BulletinWords> Columns =
    [
        new("Ratings", "评价数"),
        new("Satisfaction rate", "满意率"),
        new("Bad ratings", "差评"),
        new("Rectified (on time)", "已整改（按时）"),
        new("Called back", "已回访"),
        new("Appeals upheld", "申诉成立"),
    ];

    public async Task<BulletinSection?> ForPeriodAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var sums = new Dictionary<int, (RatingFigureRow First, List<RatingFigureRow> Rows)>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var figuresOfMonth = await figures.ComputeAsync(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), null, cancellationToken);
            foreach (var row in figuresOfMonth.Units.Where(r => r.UnitId is not null))
            {
                if (!sums.TryGetValue(row.UnitId!.Value, out var entry))
                {
                    sums[row.UnitId.Value] = entry = (row, []);
                }

                entry.Rows.Add(row);
            }
        }

        return sums.Count == 0
            ? null
            : new BulletinSection("ratings", Title, Rule, Columns,
                [.. sums.Values.OrderBy(s => s.First.UnitCode, StringComparer.Ordinal)
                    .Select(s => new BulletinSectionRow(s.First.UnitId!.Value, s.First.UnitCode, s.First.UnitNameZh, s.First.UnitNameEn, Values(s.Rows)))]);
    }

    private static IReadOnlyList<string> Values(List<RatingFigureRow> rows)
    {
        var received = rows.Sum(r => r.Received);
        var good = rows.Sum(r => r.VerySatisfied + r.Satisfied + r.BasicallySatisfied);
        return
        [
            Count(received),
            received == 0 ? "-" : (100.0 * good / received).ToString("0.0", CultureInfo.InvariantCulture) + "%",
            Count(rows.Sum(r => r.Bad)),
            $"{Count(rows.Sum(r => r.Rectified))} ({Count(rows.Sum(r => r.RectifiedOnTime))})",
            Count(rows.Sum(r => r.CalledBack)),
            Count(rows.Sum(r => r.AppealsUpheld)),
        ];
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
