using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Evaluation;

/// <summary>
/// Assembles a bulletin: each lead unit's task figures for the period as Tasks publishes them (<see cref="TaskFigures"/>,
/// set-based, so a quarter over a million tasks stays under a second; bench/RESULTS.md), the supervision office's quality
/// scores and notes, the units' names from Organization, and the ranking by <see cref="RankingRule"/>; then the sections
/// other modules contribute through <see cref="IBulletinSection"/>, in the order they registered.
/// </summary>
public sealed class BulletinBuilder(FollowthroughDb db, TaskFigures tasks, OrganizationDirectory organization, IEnumerable<IBulletinSection> sections)
{
    public DateOnly Today => db.Clock.Today();

    public Task<Bulletin> BuildAsync(EvaluationPeriod period, CancellationToken cancellationToken = default) =>
        BuildAsync(period, Today, cancellationToken);

    /// <summary>The bulletin with "today" given: overdue and delays are counted to <paramref name="today"/>. The figures
    /// read the tasks as they stand now, so this is for tests and for re-issuing a bulletin the same day, not for history.</summary>
    public async Task<Bulletin> BuildAsync(EvaluationPeriod period, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var figures = (await tasks.ForPeriodAsync(period.From, period.To, today, cancellationToken)).ToDictionary(f => f.UnitId);

        var key = period.Key;
        var scores = await db.Set<EvaluationScore>().AsNoTracking().Where(s => s.Period == key)
            .ToDictionaryAsync(s => s.UnitId, s => s.Score, cancellationToken);
        var notes = await db.Set<EvaluationNote>().AsNoTracking().Where(n => n.Period == key)
            .OrderBy(n => n.RecordedAt).ThenBy(n => n.Id).ToListAsync(cancellationToken);

        var unitIds = figures.Keys.Concat(scores.Keys).Concat(notes.Select(n => n.UnitId)).Distinct().ToList();
        var units = await organization.UnitsAsync(unitIds, cancellationToken);
        var rows = unitIds.Select(id =>
        {
            var unit = units[id];
            return new BulletinRow(id, unit.Code, unit.NameZh, unit.NameEn, Figures(figures.GetValueOrDefault(id)), scores.TryGetValue(id, out var s) ? s : null, null, null);
        });
        var noteRows = notes.Select(n => new BulletinNote(n.Id, n.UnitId, units[n.UnitId].Code, n.Kind, n.Text, n.RecordedAt, n.RecordedByName)).ToList();
        var contributed = new List<BulletinSection>();
        foreach (var section in sections)
        {
            if (await section.ForPeriodAsync(period.From, period.To, cancellationToken) is { } part)
            {
                contributed.Add(part);
            }
        }

        return new Bulletin(period, today, RankingRule.Rank(rows), noteRows, contributed);
    }

    /// <summary>A unit with a score or a note but no task due in the period has all its figures zero.</summary>
    private static BulletinFigures Figures(UnitTaskFigures? f) => f is null
        ? new BulletinFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        : new BulletinFigures(
            f.Due, f.ClosedOnTime, f.ClosedLate, f.StillOverdue, f.AwaitingVerification,
            f.Due - f.ClosedOnTime - f.ClosedLate - f.StillOverdue - f.AwaitingVerification,
            f.ReportsDue, f.ReportsOnTime, f.ClosedLate + f.StillOverdue, f.DelayWorkingDays);
}
