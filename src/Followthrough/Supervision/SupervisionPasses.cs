using System.Globalization;
using Followthrough.Storage;
using Followthrough.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Followthrough.Supervision;

/// <summary>
/// The daily run's two passes over the running tasks: the due pass (deadlines and time nodes: reminders, urging,
/// escalation) and the report pass (reports owed). Each reads its tasks a page at a time from
/// <see cref="SupervisedTasks"/>, in the order of the hot column's index, skipping settled tasks; each page is decided
/// and committed on its own, so a run stopped half-way keeps what it did, and the next run finishes the rest without
/// repeating anything (the notice keys are unique).
/// </summary>
internal sealed class SupervisionPasses(FollowthroughDb db, SupervisedTasks tasks, NoticeWriter writer, IOptions<SupervisionOptions> options)
{
    private SupervisionOptions Options => options.Value;

    /// <summary>Deadlines and time nodes: overdue (urging, escalation) and within the due-soon window (reminders).</summary>
    public async Task DueAsync(DateOnly today, RunLease lease, RunTally tally, CancellationToken cancellationToken)
    {
        // One day past the window's end: a due day on a weekend after the last working day of the window still counts
        // as due soon; the rules decide exactly.
        var limit = TaskStanding.DueSoonUntil(today, tasks.Calendar, tasks.Options).AddDays(1);
        var ladder = SupervisionRules.LadderName(Options);
        var pass = new Pass(
            t => t.NextDue,
            (id, due) => SupervisionRules.Plan(id, due, null, today, tasks.Calendar, tasks.Options, Options),
            (due, planned) => SupervisionRules.SaysAll(planned, due, today, Options),
            (settled, ct) => tasks.SettleDueAsync(settled, ladder, ct));
        var after = new TaskDueDay(0, DateOnly.MinValue);
        while (true)
        {
            var page = await tasks.DuePageAsync(limit, ladder, after, Options.BatchSize, cancellationToken);
            if (page.Count == 0)
            {
                return;
            }

            await DecideAsync(pass, page, today, tally, cancellationToken);
            after = page[^1];
            await lease.RenewAsync(cancellationToken);
        }
    }

    /// <summary>Progress reports owed before today: urging to report.</summary>
    public async Task ReportsAsync(DateOnly today, RunLease lease, RunTally tally, CancellationToken cancellationToken)
    {
        var pass = new Pass(
            t => t.NextReportDue,
            (id, due) => SupervisionRules.Plan(id, null, due, today, tasks.Calendar, tasks.Options, Options),
            (due, _) => TaskStanding.IsReportOverdue(due, today),
            tasks.SettleReportsAsync);
        var after = new TaskDueDay(0, DateOnly.MinValue);
        while (true)
        {
            var page = await tasks.ReportPageAsync(today, after, Options.BatchSize, cancellationToken);
            if (page.Count == 0)
            {
                return;
            }

            await DecideAsync(pass, page, today, tally, cancellationToken);
            after = page[^1];
            await lease.RenewAsync(cancellationToken);
        }
    }

    /// <summary>
    /// One page of a pass: writes the notices still missing, then records which of its tasks the run has said
    /// everything to about their present due days (<see cref="SettledTask"/>), so later runs skip them. That record is
    /// written only after the notices are committed, and only for the due day the notices were checked against.
    /// </summary>
    private async Task DecideAsync(Pass pass, List<TaskDueDay> page, DateOnly today, RunTally tally, CancellationToken cancellationToken)
    {
        var plans = page.Select(x => (x.TaskId, x.Due, Planned: pass.Plan(x.TaskId, x.Due))).ToList();
        var pending = (await PendingAsync(plans.Select(p => p.Planned), cancellationToken)).ToHashSet();
        var settled = plans.Where(p => !pending.Contains(p.TaskId) && pass.SaysAll(p.Due, p.Planned)).Select(p => new TaskDueDay(p.TaskId, p.Due)).ToList();
        if (pending.Count > 0)
        {
            var written = await BatchAsync([.. pending], today, t => pass.Due(t) is { } due ? pass.Plan(t.Id, due) : [], tally, cancellationToken);
            settled.AddRange(written
                .Where(t => pass.Due(t) is { } due && pass.SaysAll(due, pass.Plan(t.Id, due)))
                .Select(t => new TaskDueDay(t.Id, pass.Due(t)!.Value)));
        }

        await pass.Settle(settled, cancellationToken);
    }

    /// <summary>The tasks with a planned notice not yet written, decided from the hot columns alone: on a day whose
    /// notices are all out, a page costs one read of the tasks' due days and one probe of the keys, loads no task and
    /// reads no key back.</summary>
    private async Task<List<int>> PendingAsync(IEnumerable<IReadOnlyList<PlannedNotice>> plans, CancellationToken cancellationToken)
    {
        var keys = plans.SelectMany(p => p).Select(p => p.Key).ToList();
        return keys.Count == 0 ? [] : [.. (await writer.UnwrittenAsync(keys, cancellationToken)).Select(TaskIdOf).Distinct()];
    }

    private static int TaskIdOf(string key) => int.Parse(key.AsSpan(5, key.IndexOf(':', 5) - 5), CultureInfo.InvariantCulture);

    /// <summary>Decides one batch and commits it: the new notices, their deliveries, the timeline steps and escalations.
    /// A batch that collides with another writer (a notice key taken meanwhile, a task changed) is read again. Gives
    /// back the tasks as decided on: every notice they were planned is now written.</summary>
    private async Task<List<SupervisedTask>> BatchAsync(List<int> ids, DateOnly today, Func<SupervisedTask, IReadOnlyList<PlannedNotice>> plan, RunTally tally, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var batch = await tasks.LoadAsync(ids, cancellationToken);
            var planned = batch.SelectMany(t => plan(t).Select(p => (Task: t, Plan: p))).ToList();
            var keys = planned.Select(p => p.Plan.Key).ToList();
            var unwritten = keys.Count == 0 ? [] : (await writer.UnwrittenAsync(keys, cancellationToken)).ToHashSet(StringComparer.Ordinal);
            var fresh = planned.Where(p => unwritten.Contains(p.Plan.Key)).ToList();
            if (fresh.Count == 0)
            {
                db.ChangeTracker.Clear();
                return batch;
            }

            var counts = await writer.WriteAsync(fresh, today, cancellationToken);
            db.DescribeNextSave("supervision-run", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                tally.Notices += fresh.Count;
                tally.KeyItems += counts.KeyItems;
                tally.SpecialList += counts.SpecialList;
                return batch;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another writer got there first (a notice key, a special-list row, a task version): nothing of this
                // batch was saved; read it again and write only what is still missing.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// What tells the two passes apart: the due day they read, the notices they plan for it, whether those say all there
    /// is to say about it (see <see cref="SettledTask"/>), and how the tasks so settled are marked (the due pass under
    /// its escalation ladder).
    /// </summary>
    private sealed record Pass(
        Func<SupervisedTask, DateOnly?> Due,
        Func<int, DateOnly, IReadOnlyList<PlannedNotice>> Plan,
        Func<DateOnly, IReadOnlyList<PlannedNotice>, bool> SaysAll,
        Func<IReadOnlyList<TaskDueDay>, CancellationToken, Task> Settle);
}

/// <summary>What a run has done so far.</summary>
internal sealed class RunTally
{
    public int Notices { get; set; }

    public int KeyItems { get; set; }

    public int SpecialList { get; set; }
}
