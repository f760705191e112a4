using System.Globalization;
using Followthrough.Tasks;
using Microsoft.Extensions.Localization;

namespace Followthrough.Evaluation;

/// <summary>The bulletin as a table for .csv and .xlsx, in the reader's language, with the ranking rule as its last row.</summary>
public static class BulletinTable
{
    internal static ListTable Build(Bulletin bulletin, IStringLocalizer<EvaluationText> localizer, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return Build(bulletin, key => localizer[key], culture);
    }

    /// <summary>With <paramref name="t"/> the identity, the table is in English (the command line's language).</summary>
    public static ListTable Build(Bulletin bulletin, Func<string, string> t, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(bulletin);
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(culture);
        string[] headers =
        [
            t("Rank"), t("Unit code"), t("Unit"), t("Tasks due"), t("Closed on time"), t("Closed late"), t("Still overdue"),
            t("Awaiting verification"), t("Not yet due"), t("On-time rate"), t("Reports due"), t("Reports on time"),
            t("Average delay (working days)"), t("Quality score"), t("Score"), t("Rewards and accountability"),
        ];
        var notes = bulletin.Notes.ToLookup(n => n.UnitId);
        var rows = bulletin.Rows.Select(r => (IReadOnlyList<string>)
        [
            r.Rank?.ToString(CultureInfo.InvariantCulture) ?? "-",
            r.UnitCode,
            culture.TwoLetterISOLanguageName == "zh" ? r.UnitNameZh : r.UnitNameEn,
            Count(r.Figures.Due), Count(r.Figures.ClosedOnTime), Count(r.Figures.ClosedLate), Count(r.Figures.StillOverdue),
            Count(r.Figures.AwaitingVerification), Count(r.Figures.NotYetDue), Percent(r.Figures.OnTimeRate),
            Count(r.Figures.ReportsDue), Count(r.Figures.ReportsOnTime), Days(r.Figures.AverageDelay),
            r.QualityScore?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            r.Score?.ToString("0.00", CultureInfo.InvariantCulture) ?? string.Empty,
            string.Join("; ", notes[r.UnitId].Select(n => $"{t(n.Kind == NoteKind.Reward ? "Reward" : "Accountability")}: {n.Text}")),
        ]).ToList();
        rows.Add([t("Ranking rule"), t(RankingRule.Description)]);
        var title = string.Format(CultureInfo.InvariantCulture, t("Bulletin {0}"), bulletin.Period.Key);
        return new ListTable(title, headers, rows);
    }

    public static string Percent(double? rate) => rate is { } value ? (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    public static string Days(double? days) => days is { } value ? value.ToString("0.0", CultureInfo.InvariantCulture) : "-";

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
