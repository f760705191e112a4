using System.Globalization;

namespace Followthrough.Evaluation;

/// <summary>
/// A seam for figures other modules keep per unit (a service unit's applications decided on time, later ratings and
/// enterprise needs), which the bulletin shows as a section of its own beside the ranked task table: the owner reads
/// its own read model for the period and says, in both languages, what each column is and the rule that counts it.
/// Evaluation knows nothing of what the figures are; the ranking stays the tasks' (<see cref="RankingRule"/>).
/// </summary>
public interface IBulletinSection
{
    /// <summary>The section for the period from <paramref name="from"/> to <paramref name="to"/> (both included), or
    /// null when the module has nothing to say for it.</summary>
    Task<BulletinSection?> ForPeriodAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}

/// <summary>A sentence or label in English and Chinese, as the contributing module words it.</summary>
public sealed record BulletinWords(string En, string Zh)
{
    public string In(CultureInfo culture) =>
        (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "zh" ? Zh : En;
}

/// <summary>
/// One module's part of the bulletin: its title, the rule its figures follow (printed under the table), the columns'
/// names, and one row per unit with the values already written out (counts, percentages, working days).
/// </summary>
public sealed record BulletinSection(
    string Key, BulletinWords Title, BulletinWords Rule, IReadOnlyList<BulletinWords> Columns, IReadOnlyList<BulletinSectionRow> Rows);

/// <summary>A unit's values in a <see cref="BulletinSection"/>, in the order of its columns.</summary>
public sealed record BulletinSectionRow(int UnitId, string UnitCode, string UnitNameZh, string UnitNameEn, IReadOnlyList<string> Values);
