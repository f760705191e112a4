using System.Globalization;
using Followthrough.Storage;
using Followthrough.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Supervision;

/// <summary>
/// The daily run's pass over other modules' work (<see cref="ISupervisedWork"/>): one reminder per limit when it falls
/// within the due-soon window, one urging notice per limit once it has passed, to the unit that holds the work. The keys
/// name the limit (<c>service-application:42:overdue:2026-12-01</c>), so a repeated run writes nothing twice and a new
/// limit (an extension) is reminded of afresh. Each page is committed on its own.
/// </summary>
internal sealed class WorkPass(FollowthroughDb db, IEnumerable<ISupervisedWork> sources, SupervisedTasks tasks, NoticeWriter writer, Microsoft.Extensions.Options.IOptions<SupervisionOptions> options)
{
    public async Task RunAsync(DateOnly today, RunLease lease, RunTally tally, CancellationToken cancellationToken)
    {
        var until = TaskStanding.DueSoonUntil(today, tasks.Calendar, tasks.Options);
        foreach (var source in sources)
        {
            var page = new List<WorkDue>(options.Value.BatchSize);
            await foreach (var work in source.DueByAsync(today, until, cancellationToken))
            {
                page.Add(work);
                if (page.Count == options.Value.BatchSize)
                {
                    await WriteAsync(page, today, tally, cancellationToken);
                    page.Clear();
                    await lease.RenewAsync(cancellationToken);
                }
            }

            await WriteAsync(page, today, tally, cancellationToken);
        }
    }

    /// <summary>The notice key for a piece of work on its present limit.</summary>
    public static string KeyOf(WorkDue work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return string.Create(CultureInfo.InvariantCulture, $"{work.Key}:{(work.WorkingDaysLate > 0 ? "overdue" : "due-soon")}:{work.DueOn:yyyy-MM-dd}");
    }

    private async Task WriteAsync(List<WorkDue> page, DateOnly today, RunTally tally, CancellationToken cancellationToken)
    {
        if (page.Count == 0)
        {
            return;
        }

        var keyed = page.Select(w => (Work: w, Key: KeyOf(w))).ToList();
        var unwritten = (await writer.UnwrittenAsync([.. keyed.Select(k => k.Key)], cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var fresh = keyed.Where(k => unwritten.Contains(k.Key)).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        await writer.WriteWorkAsync(fresh, cancellationToken);
        db.DescribeNextSave("supervision-run", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            tally.Notices += fresh.Count;
        }
        catch (DbUpdateException)
        {
            // Another instance wrote some of these keys meanwhile: the next run writes what is still missing.
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
