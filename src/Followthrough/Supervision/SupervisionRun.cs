using System.Globalization;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Followthrough.Supervision;

/// <summary>What one run did; <see cref="SkippedBecause"/> says why it did nothing.</summary>
public sealed record SupervisionRunResult(
    DateOnly Day, int NoticesCreated, int TasksMadeKeyItems, int TasksPutOnSpecialList, int DeliveriesSent, int DeliveriesFailed, string? SkippedBecause = null)
{
    public bool Ran => SkippedBecause is null;
}

/// <summary>
/// The daily supervision run (督办): reminders before deadlines and time nodes, urging notices for overdue tasks and
/// overdue reports, escalation, then the e-mail and webhook deliveries still waiting. Reads only the running tasks
/// the hot columns point at (next_due up to the end of the due-soon window, next_report_due before today), in batches
/// ordered by those columns; each batch is decided and committed on its own, so a run stopped half-way keeps what it
/// did, and the next run finishes the rest without repeating anything (the notice keys are unique).
/// </summary>
public sealed partial class SupervisionRun(
    FollowthroughDb db,
    TaskService tasks,
    NoticeSenders senders,
    Evaluation.BulletinSummaries summaries,
    IOptions<SupervisionOptions> options,
    ILogger<SupervisionRun> logger)
{
    public const string ActorName = "supervision run";

    /// <summary>This run's name in the lease and the run log: the machine, the process and a random part.</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}/{Guid.NewGuid().ToString("N")[..8]}";

    private SupervisionOptions Options => options.Value;

    /// <summary>Runs the supervision for <paramref name="day"/> (today in Beijing when null).</summary>
    public async Task<SupervisionRunResult> RunAsync(DateOnly? day = null, CancellationToken cancellationToken = default)
    {
        var today = day ?? db.Clock.Today();
        var lease = TimeSpan.FromSeconds(Math.Max(10, Options.LeaseSeconds));
        if (!await SupervisionLease.TryTakeAsync(db, SupervisionLease.DailyRun, Holder, lease, cancellationToken))
        {
            return new(today, 0, 0, 0, 0, 0, "Another instance is running the supervision.");
        }

        try
        {
            var log = new SupervisionRunLog { RunOn = today, Holder = Holder, StartedAt = db.Clock.GetUtcNow().UtcDateTime };
            db.Set<SupervisionRunLog>().Add(log);
            db.DescribeNextSave("supervision-run-started");
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();

            var tally = new Tally();
            await DuePassAsync(today, lease, tally, cancellationToken);
            await ReportPassAsync(today, lease, tally, cancellationToken);
            var (sent, failed) = await DeliverAsync(lease, cancellationToken);

            // The day's reports cleared their tasks' summaries of answered periods; refill them for the bulletin.
            await summaries.FillAsync(cancellationToken: cancellationToken);

            log.FinishedAt = db.Clock.GetUtcNow().UtcDateTime;
            log.NoticesCreated = tally.Notices;
            log.DeliveriesSent = sent;
            log.DeliveriesFailed = failed;
            db.Set<SupervisionRunLog>().Update(log);
            db.DescribeNextSave("supervision-run-finished");
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            LogFinished(logger, today, tally.Notices, sent, failed);
            return new(today, tally.Notices, tally.KeyItems, tally.SpecialList, sent, failed);
        }
        finally
        {
            db.ChangeTracker.Clear();
            await SupervisionLease.ReleaseAsync(db, SupervisionLease.DailyRun, Holder, CancellationToken.None);
        }
    }

    /// <summary>Only the deliveries still waiting (for the background service between daily runs).</summary>
    public async Task<(int Sent, int Failed)> DeliverPendingAsync(CancellationToken cancellationToken = default)
    {
        var lease = TimeSpan.FromSeconds(Math.Max(10, Options.LeaseSeconds));
        if (!await SupervisionLease.TryTakeAsync(db, SupervisionLease.DailyRun, Holder, lease, cancellationToken))
        {
            return (0, 0);
        }

        try
        {
            return await DeliverAsync(lease, cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
            await SupervisionLease.ReleaseAsync(db, SupervisionLease.DailyRun, Holder, CancellationToken.None);
        }
    }

    /// <summary>Whether a run for the day has finished (the background service runs each day once).</summary>
    public Task<bool> FinishedForAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        db.Set<SupervisionRunLog>().AnyAsync(r => r.RunOn == day && r.FinishedAt != null, cancellationToken);

    /// <summary>Deadlines and time nodes: overdue (urging, escalation) and within the due-soon window (reminders).</summary>
    private async Task DuePassAsync(DateOnly today, TimeSpan lease, Tally tally, CancellationToken cancellationToken)
    {
        // One day past the window's end: a due day on a weekend after the last working day of the window still counts
        // as due soon; the rules decide exactly.
        var limit = SupervisionRules.DueSoonUntil(today, tasks.Calendar, tasks.Options).AddDays(1);
        var (lastDue, lastId) = (DateOnly.MinValue, 0);
        while (true)
        {
            var (due, id) = (lastDue, lastId);
            var ids = await db.Set<WorkTask>().AsNoTracking()
                .Where(t => t.NextDue <= limit && (t.NextDue > due || (t.NextDue == due && t.Id > id)))
                .OrderBy(t => t.NextDue).ThenBy(t => t.Id)
                .Take(Options.BatchSize)
                .Select(t => new { t.Id, NextDue = t.NextDue!.Value })
                .ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return;
            }

            var pending = await PendingAsync(ids.Select(x => SupervisionRules.Plan(x.Id, x.NextDue, null, today, tasks.Calendar, tasks.Options, Options)), cancellationToken);
            if (pending.Count > 0)
            {
                await BatchAsync(pending, today, t => SupervisionRules.Plan(t.Id, t.NextDue, null, today, tasks.Calendar, tasks.Options, Options), tally, cancellationToken);
            }

            (lastDue, lastId) = (ids[^1].NextDue, ids[^1].Id);
            await RenewAsync(lease, cancellationToken);
        }
    }

    /// <summary>Progress reports owed before today: urging to report.</summary>
    private async Task ReportPassAsync(DateOnly today, TimeSpan lease, Tally tally, CancellationToken cancellationToken)
    {
        var (lastDue, lastId) = (DateOnly.MinValue, 0);
        while (true)
        {
            var (due, id) = (lastDue, lastId);
            var ids = await db.Set<WorkTask>().AsNoTracking()
                .Where(t => t.NextReportDue < today && (t.NextReportDue > due || (t.NextReportDue == due && t.Id > id)))
                .OrderBy(t => t.NextReportDue).ThenBy(t => t.Id)
                .Take(Options.BatchSize)
                .Select(t => new { t.Id, NextReportDue = t.NextReportDue!.Value })
                .ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return;
            }

            var pending = await PendingAsync(ids.Select(x => SupervisionRules.Plan(x.Id, null, x.NextReportDue, today, tasks.Calendar, tasks.Options, Options)), cancellationToken);
            if (pending.Count > 0)
            {
                await BatchAsync(pending, today, t => SupervisionRules.Plan(t.Id, null, t.NextReportDue, today, tasks.Calendar, tasks.Options, Options), tally, cancellationToken);
            }

            (lastDue, lastId) = (ids[^1].NextReportDue, ids[^1].Id);
            await RenewAsync(lease, cancellationToken);
        }
    }

    /// <summary>The tasks with a planned notice not yet written, decided from the hot columns alone: on a day whose
    /// notices are all out, a batch costs one read of the tasks' due days and one of the keys, and loads no task.</summary>
    private async Task<List<int>> PendingAsync(IEnumerable<IReadOnlyList<PlannedNotice>> plans, CancellationToken cancellationToken)
    {
        var planned = plans.SelectMany(p => p).ToList();
        if (planned.Count == 0)
        {
            return [];
        }

        var keys = planned.Select(p => p.Key).ToList();
        var existing = (await db.Set<Notice>().Where(n => keys.Contains(n.Key)).Select(n => n.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return [.. planned.Where(p => !existing.Contains(p.Key)).Select(p => TaskIdOf(p.Key)).Distinct()];
    }

    private static int TaskIdOf(string key) => int.Parse(key.AsSpan(5, key.IndexOf(':', 5) - 5), CultureInfo.InvariantCulture);

    private async Task RenewAsync(TimeSpan lease, CancellationToken cancellationToken)
    {
        if (!await SupervisionLease.TryTakeAsync(db, SupervisionLease.DailyRun, Holder, lease, cancellationToken))
        {
            // Our lease ran out and another instance took over; stop rather than work side by side.
            throw new SupervisionLeaseLostException();
        }
    }

    /// <summary>Decides one batch and commits it: the new notices, their deliveries, the timeline steps and escalations.
    /// A batch that collides with another writer (a notice key taken meanwhile, a task changed) is read again.</summary>
    private async Task BatchAsync(List<int> ids, DateOnly today, Func<WorkTask, IReadOnlyList<PlannedNotice>> plan, Tally tally, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var batch = await db.Set<WorkTask>().Where(t => ids.Contains(t.Id)).ToListAsync(cancellationToken);
            var planned = batch.SelectMany(t => plan(t).Select(p => (Task: t, Plan: p))).ToList();
            var keys = planned.Select(p => p.Plan.Key).ToList();
            var existing = keys.Count == 0 ? [] : (await db.Set<Notice>().Where(n => keys.Contains(n.Key)).Select(n => n.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            var fresh = planned.Where(p => !existing.Contains(p.Plan.Key)).ToList();
            if (fresh.Count == 0)
            {
                db.ChangeTracker.Clear();
                return;
            }

            var counts = await WriteAsync(fresh, today, cancellationToken);
            db.DescribeNextSave("supervision-run", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                tally.Notices += fresh.Count;
                tally.KeyItems += counts.KeyItems;
                tally.SpecialList += counts.SpecialList;
                return;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another writer got there first (a notice key, a special-list row, a task version): nothing of this
                // batch was saved; read it again and write only what is still missing.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<(int KeyItems, int SpecialList)> WriteAsync(List<(WorkTask Task, PlannedNotice Plan)> fresh, DateOnly today, CancellationToken cancellationToken)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var emails = await EmailsAsync(fresh, cancellationToken);
        var specialIds = fresh.Where(f => f.Plan.Escalation == EscalationStep.SpecialSupervision).Select(f => f.Task.Id).ToList();
        var listed = specialIds.Count == 0 ? [] : (await db.Set<SpecialSupervisionItem>().Where(s => specialIds.Contains(s.TaskId)).Select(s => s.TaskId).ToListAsync(cancellationToken)).ToHashSet();
        var (keyItems, special) = (0, 0);
        foreach (var (task, plan) in fresh)
        {
            var toLeader = plan.Escalation is not null && task.LeadLeaderId is not null;
            var notice = new Notice
            {
                Key = plan.Key,
                Kind = plan.Kind,
                TaskId = task.Id,
                RecipientUnitId = toLeader ? null : task.LeadUnitId,
                RecipientPersonId = toLeader ? task.LeadLeaderId : null,
                TaskCode = task.Code,
                TaskTitle = task.Title,
                DueOn = plan.DueOn,
                WorkingDaysLate = plan.WorkingDaysLate,
                SenderName = ActorName,
                CreatedAt = now,
            };
            db.Set<Notice>().Add(notice);
            AddDeliveries(notice, emails);

            var details = string.Create(CultureInfo.InvariantCulture, $"{plan.Key}; due {plan.DueOn:yyyy-MM-dd}{(plan.WorkingDaysLate is { } late ? $"; {late} working days late" : string.Empty)}");
            switch (plan.Escalation)
            {
                case EscalationStep.KeyItem:
                    if (task.SupervisionLevel != SupervisionLevel.Key)
                    {
                        task.SupervisionLevel = SupervisionLevel.Key;
                        keyItems++;
                    }

                    tasks.Record(task, "escalated", task.State, task.State, "Made a key item: overdue by the escalation threshold.", details);
                    break;
                case EscalationStep.SpecialSupervision:
                    if (listed.Add(task.Id))
                    {
                        db.Set<SpecialSupervisionItem>().Add(new SpecialSupervisionItem
                        {
                            TaskId = task.Id,
                            AddedOn = today,
                            WorkingDaysLate = plan.WorkingDaysLate ?? 0,
                            Reason = details,
                            CreatedAt = now,
                        });
                        special++;
                    }

                    tasks.Record(task, "special-supervision", task.State, task.State, "Put on the special supervision list.", details);
                    break;
                default:
                    tasks.Record(task, plan.Kind == NoticeKind.DueSoon ? "reminded" : "urged", task.State, task.State, null, details);
                    break;
            }
        }

        return (keyItems, special);
    }

    /// <summary>Queues the e-mails and the webhook call for a new notice, in the same save.</summary>
    internal void AddDeliveries(Notice notice, ILookup<(int? Unit, int? Person), string> emails)
    {
        if (senders.Options.Smtp.IsConfigured)
        {
            foreach (var address in emails[(notice.RecipientUnitId, notice.RecipientPersonId)])
            {
                db.Set<NoticeDelivery>().Add(new NoticeDelivery { Notice = notice, Channel = NoticeDelivery.Email, Address = address });
            }
        }

        if (senders.Options.Webhook.Url is { } url)
        {
            db.Set<NoticeDelivery>().Add(new NoticeDelivery { Notice = notice, Channel = NoticeDelivery.Webhook, Address = url.ToString() });
        }
    }

    /// <summary>The e-mail addresses of the recipients: a unit's active staff, or the person.</summary>
    internal async Task<ILookup<(int? Unit, int? Person), string>> EmailsAsync(IEnumerable<(WorkTask Task, PlannedNotice Plan)> fresh, CancellationToken cancellationToken)
    {
        if (!senders.Options.Smtp.IsConfigured)
        {
            return Array.Empty<(int?, int?, string)>().ToLookup(x => (x.Item1, x.Item2), x => x.Item3);
        }

        var units = fresh.Select(f => f.Task.LeadUnitId).Distinct().ToList();
        var people = fresh.Where(f => f.Task.LeadLeaderId is not null).Select(f => f.Task.LeadLeaderId!.Value).Distinct().ToList();
        var found = await db.Set<Person>().AsNoTracking()
            .Where(p => p.IsActive && p.Email != null && p.Email != ""
                && ((p.UnitId != null && units.Contains(p.UnitId.Value) && p.Role == Role.UnitStaff) || people.Contains(p.Id)))
            .Select(p => new { p.Id, p.UnitId, p.Role, p.Email })
            .ToListAsync(cancellationToken);
        var byUnit = found.Where(p => p.Role == Role.UnitStaff && p.UnitId is not null).Select(p => (Key: ((int?)p.UnitId, (int?)null), p.Email));
        var byPerson = found.Where(p => people.Contains(p.Id)).Select(p => (Key: ((int?)null, (int?)p.Id), p.Email));
        return byUnit.Concat(byPerson).ToLookup(x => x.Key, x => x.Email!);
    }

    /// <summary>Sends what is waiting, oldest first, and records each outcome. A failure is written down, never thrown.</summary>
    private async Task<(int Sent, int Failed)> DeliverAsync(TimeSpan lease, CancellationToken cancellationToken)
    {
        var (sent, failed) = (0, 0);
        long lastId = 0;
        while (true)
        {
            var from = lastId;
            var batch = await db.Set<NoticeDelivery>().Include(d => d.Notice)
                .Where(d => d.SentAt == null && d.Attempts < Options.MaxDeliveryAttempts && d.Id > from)
                .OrderBy(d => d.Id).Take(100).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return (sent, failed);
            }

            foreach (var delivery in batch)
            {
                delivery.Attempts++;
                delivery.LastAttemptAt = db.Clock.GetUtcNow().UtcDateTime;
                try
                {
                    await senders.SendAsync(delivery, cancellationToken);
                    delivery.SentAt = db.Clock.GetUtcNow().UtcDateTime;
                    delivery.LastError = null;
                    sent++;
                }
                catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    delivery.LastError = Describe(error);
                    failed++;
                    LogDeliveryFailed(logger, delivery.Id, delivery.Channel, delivery.LastError);
                }
            }

            db.DescribeNextSave("notice-delivery");
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            lastId = batch[^1].Id;
            await RenewAsync(lease, cancellationToken);
        }
    }

    private static string Describe(Exception error)
    {
        var message = error.InnerException is { } inner ? $"{error.Message} ({inner.Message})" : error.Message;
        return message.Length > 1000 ? message[..1000] : message;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Supervision run for {Day} finished: {Notices} notices, {Sent} deliveries sent, {Failed} failed.")]
    private static partial void LogFinished(ILogger logger, DateOnly day, int notices, int sent, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} by {Channel} failed: {Error}. It is tried again on the next run.")]
    private static partial void LogDeliveryFailed(ILogger logger, long deliveryId, string channel, string error);

    private sealed class Tally
    {
        public int Notices { get; set; }

        public int KeyItems { get; set; }

        public int SpecialList { get; set; }
    }
}

/// <summary>The run's lease expired and another instance took it: this run stops; its committed batches stay.</summary>
public sealed class SupervisionLeaseLostException() : Exception("The supervision lease was lost to another instance.");
