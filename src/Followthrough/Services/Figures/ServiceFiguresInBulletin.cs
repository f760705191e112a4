using System.Globalization;
using Followthrough.Evaluation;

namespace Followthrough.Services.Figures;

/// <summary>
/// The units' government-service figures as a section of the evaluation bulletin (通报), through Evaluation's seam
/// <see cref="IBulletinSection"/>: the monthly figures (<see cref="ServiceFigures"/>) summed over the months the
/// bulletin's period touches. They are shown beside the ranking, not counted in it.
/// </summary>
internal sealed class ServiceFiguresInBulletin(ServiceFigures figures) : IBulletinSection
{
    public static readonly BulletinWords Title = new("Government services (一网通办)", "政务服务（一网通办）");

    public static readonly BulletinWords Rule = new(
        "From the monthly service figures of every month the period touches (China time). Received: applications filed. "
        + "Decided, decided on time (on or before the committed due date) and decided by rules (秒批, no human step) count "
        + "decisions made in those months; the on-time rate is decided on time ÷ decided; the average is working days from "
        + "acceptance to decision over those decisions, against the average committed limit. Visits: applications filed at a "
        + "service window. Not part of the ranking.",
        "取自评价期所涉各月（北京时间）的政务服务月度统计。收件：提交的申请数。办结、按时办结（不晚于承诺办结日）和秒批（按规则自动作出、"
        + "无人工环节）按当月作出的决定计；按时办结率 = 按时办结 ÷ 办结；平均用时为这些决定自受理至决定所用工作日的平均数，"
        + "与平均承诺时限对照。到访：在窗口提交的申请数。不计入排名。");

    public static readonly IReadOnlyList<BulletinWords> Columns =
    [
        new("Received", "收件"),
        new("Decided", "办结"),
        new("Decided on time", "按时办结"),
        new("On-time rate", "按时办结率"),
        new("Decided by rules", "秒批"),
        new("Average working days used / committed", "平均用时 / 承诺时限（工作日）"),
        new("Window visits", "窗口到访"),
    ];

    public async Task<BulletinSection?> ForPeriodAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var months = new List<string>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            months.Add(month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        }

        var rows = await figures.ForMonthsAsync(months, cancellationToken);
        return rows.Count == 0
            ? null
            : new BulletinSection("services", Title, Rule, Columns, [.. rows.Select(r => new BulletinSectionRow(r.UnitId!.Value, r.UnitCode, r.UnitNameZh, r.UnitNameEn, Values(r)))]);
    }

    private static IReadOnlyList<string> Values(UnitServiceFigures r) =>
    [
        Count(r.Received),
        Count(r.Decided),
        Count(r.OnTime),
        r.OnTimePercent is { } onTime ? onTime.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-",
        Count(r.AutoDecided),
        $"{Days(r.AverageDaysUsed)} / {Days(r.AverageCommittedDays)}",
        Count(r.Visits),
    ];

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Days(double? days) => days?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-";
}
