using System.Globalization;
using System.Text.Json;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
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
    ReportedPeriodSummaries summaries,
    IOptions<SupervisionOptions> options,
    ILogger<SupervisionRun> logger)
{
    public const string ActorName = "supervision run";

    /// <summary>This run's name in the lease and the run log: the machine, the process and a random part.</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}/{Guid.NewGuid().ToString("N")[..8]}";

    private SupervisionOptions Options => options.Value;

    /// <summary>When this run last took or renewed its lease (the lease runs from a moment after).</summary>
    private DateTimeOffset _leaseTakenAt;

    /// <summary>Runs the supervision for <paramref name="day"/> (today in Beijing when null).</summary>
    public async Task<SupervisionRunResult> RunAsync(DateOnly? day = null, CancellationToken cancellationToken = default)
    {
        var today = day ?? db.Clock.Today();
        var lease = TimeSpan.FromSeconds(Math.Max(10, Options.LeaseSeconds));
        _leaseTakenAt = db.Clock.GetUtcNow();
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
        _leaseTakenAt = db.Clock.GetUtcNow();
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
        var ladder = SupervisionRules.LadderName(Options);
        var pass = new Pass(
            t => t.NextDue,
            (id, due) => SupervisionRules.Plan(id, due, null, today, tasks.Calendar, tasks.Options, Options),
            (due, planned) => SupervisionRules.SaysAll(planned, due, today, Options),
            ladder);
        var (lastDue, lastId) = (DateOnly.MinValue, 0);
        while (true)
        {
            var (due, id) = (lastDue, lastId);
            var ids = await DueBatch(db, limit, ladder, due, id).Take(Options.BatchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return;
            }

            await DecideAsync(pass, ids, today, tally, cancellationToken);
            (lastId, lastDue) = ids[^1];
            await RenewAsync(lease, cancellationToken);
        }
    }

    /// <summary>Progress reports owed before today: urging to report.</summary>
    private async Task ReportPassAsync(DateOnly today, TimeSpan lease, Tally tally, CancellationToken cancellationToken)
    {
        var pass = new Pass(
            t => t.NextReportDue,
            (id, due) => SupervisionRules.Plan(id, null, due, today, tasks.Calendar, tasks.Options, Options),
            (due, _) => due < today,
            Ladder: null);
        var (lastDue, lastId) = (DateOnly.MinValue, 0);
        while (true)
        {
            var (due, id) = (lastDue, lastId);
            var ids = await ReportBatch(db, today, due, id).Take(Options.BatchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return;
            }

            await DecideAsync(pass, ids, today, tally, cancellationToken);
            (lastId, lastDue) = ids[^1];
            await RenewAsync(lease, cancellationToken);
        }
    }

    /// <summary>
    /// The due pass's tasks after (<paramref name="due"/>, <paramref name="id"/>) in index order: due by
    /// <paramref name="limit"/>, and not settled for their due day under <paramref name="ladder"/>.
    /// </summary>
    internal static IQueryable<(int Id, DateOnly Due)> DueBatch(FollowthroughDb db, DateOnly limit, string ladder, DateOnly due, int id) =>
        db.Set<WorkTask>().AsNoTracking()
            .Where(t => t.NextDue <= limit && (t.NextDue > due || (t.NextDue == due && t.Id > id)))
            .Where(t => !db.Set<SettledTask>().Any(s => s.TaskId == t.Id && s.DueOn == t.NextDue && s.Ladder == ladder))
            .OrderBy(t => t.NextDue).ThenBy(t => t.Id)
            .Select(t => new ValueTuple<int, DateOnly>(t.Id, t.NextDue!.Value));

    /// <summary>The report pass's tasks after (<paramref name="due"/>, <paramref name="id"/>): a report owed before
    /// <paramref name="today"/>, not settled for that report day.</summary>
    internal static IQueryable<(int Id, DateOnly Due)> ReportBatch(FollowthroughDb db, DateOnly today, DateOnly due, int id) =>
        db.Set<WorkTask>().AsNoTracking()
            .Where(t => t.NextReportDue < today && (t.NextReportDue > due || (t.NextReportDue == due && t.Id > id)))
            .Where(t => !db.Set<SettledTask>().Any(s => s.TaskId == t.Id && s.ReportDueOn == t.NextReportDue))
            .OrderBy(t => t.NextReportDue).ThenBy(t => t.Id)
            .Select(t => new ValueTuple<int, DateOnly>(t.Id, t.NextReportDue!.Value));

    /// <summary>
    /// One batch of a pass: writes the notices still missing, then records which of its tasks the run has said
    /// everything to about their present due days (<see cref="SettledTask"/>), so later runs skip them. That record is
    /// written only after the notices are committed, and only for the due day the notices were checked against.
    /// </summary>
    private async Task DecideAsync(Pass pass, List<(int Id, DateOnly Due)> batch, DateOnly today, Tally tally, CancellationToken cancellationToken)
    {
        var plans = batch.Select(x => (x.Id, x.Due, Planned: pass.Plan(x.Id, x.Due))).ToList();
        var pending = (await PendingAsync(plans.Select(p => p.Planned), cancellationToken)).ToHashSet();
        var settled = plans.Where(p => !pending.Contains(p.Id) && pass.SaysAll(p.Due, p.Planned)).Select(p => (p.Id, p.Due)).ToList();
        if (pending.Count > 0)
        {
            var written = await BatchAsync([.. pending], today, t => pass.Due(t) is { } due ? pass.Plan(t.Id, due) : [], tally, cancellationToken);
            settled.AddRange(written
                .Where(t => pass.Due(t) is { } due && pass.SaysAll(due, pass.Plan(t.Id, due)))
                .Select(t => (t.Id, pass.Due(t)!.Value)));
        }

        await SettleAsync(pass, settled, cancellationToken);
    }

    /// <summary>Records the settled tasks of a batch: the due day (and ladder) or the report day they were settled for.</summary>
    private async Task SettleAsync(Pass pass, List<(int Id, DateOnly Due)> settled, CancellationToken cancellationToken)
    {
        if (settled.Count == 0)
        {
            return;
        }

        var sqlite = db.Database.IsSqlite();
        var (columns, update) = pass.Ladder is null
            ? ("report_due_on", "report_due_on = excluded.report_due_on")
            : ("due_on, ladder", "due_on = excluded.due_on, ladder = excluded.ladder");
        var values = pass.Ladder is null ? "r.due" : "r.due, @ladder";
        var rows = sqlite
            ? "(SELECT json_extract(j.value, '$[0]') AS id, json_extract(j.value, '$[1]') AS due FROM json_each(@rows) AS j) AS r WHERE true"
            : "unnest(@ids, @dues) AS r (id, due)";
        var parameters = new List<(string, object?)>();
        if (sqlite)
        {
            parameters.Add(("@rows", JsonSerializer.Serialize(settled.Select(s => new object[] { s.Id, s.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }))));
        }
        else
        {
            parameters.Add(("@ids", settled.Select(s => s.Id).ToArray()));
            parameters.Add(("@dues", settled.Select(s => s.Due).ToArray()));
        }

        if (pass.Ladder is not null)
        {
            parameters.Add(("@ladder", pass.Ladder));
        }

        await db.ExecuteAsync(
            $"INSERT INTO supervision_settled (task_id, {columns}) SELECT r.id, {values} FROM {rows} ON CONFLICT (task_id) DO UPDATE SET {update}",
            parameters,
            cancellationToken);
    }

    /// <summary>The tasks with a planned notice not yet written, decided from the hot columns alone: on a day whose
    /// notices are all out, a batch costs one read of the tasks' due days and one probe of the keys, loads no task and
    /// reads no key back.</summary>
    private async Task<List<int>> PendingAsync(IEnumerable<IReadOnlyList<PlannedNotice>> plans, CancellationToken cancellationToken)
    {
        var keys = plans.SelectMany(p => p).Select(p => p.Key).ToList();
        return keys.Count == 0 ? [] : [.. (await UnwrittenAsync(keys, cancellationToken)).Select(TaskIdOf).Distinct()];
    }

    /// <summary>
    /// The keys that no notice has yet. The list goes as one parameter (a JSON array on SQLite, an array on
    /// PostgreSQL), not one parameter per key: binding a few thousand named parameters costs more than the lookups.
    /// Plain ADO.NET, because EF Core's raw queries compile their reader anew on each call.
    /// </summary>
    private Task<List<string>> UnwrittenAsync(List<string> keys, CancellationToken cancellationToken) =>
        db.Database.IsSqlite()
            ? db.QueryAsync("SELECT k.value FROM json_each(@keys) AS k WHERE NOT EXISTS (SELECT 1 FROM notices n WHERE n.key = k.value)",
                [("@keys", JsonSerializer.Serialize(keys))], r => r.GetString(0), cancellationToken)
            : db.QueryAsync("SELECT k FROM unnest(@keys) AS k WHERE NOT EXISTS (SELECT 1 FROM notices n WHERE n.key = k)",
                [("@keys", keys.ToArray())], r => r.GetString(0), cancellationToken);

    private static int TaskIdOf(string key) => int.Parse(key.AsSpan(5, key.IndexOf(':', 5) - 5), CultureInfo.InvariantCulture);

    /// <summary>
    /// Renews the lease once a quarter of it has gone by since it was last taken (a write and, on SQLite, a sync each
    /// time, so not after every batch): it never runs out while this run is alive, and a run that stalled past it finds
    /// out at the next batch.
    /// </summary>
    private async Task RenewAsync(TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = db.Clock.GetUtcNow();
        if (now - _leaseTakenAt < lease / 4)
        {
            return;
        }

        if (!await SupervisionLease.TryTakeAsync(db, SupervisionLease.DailyRun, Holder, lease, cancellationToken))
        {
            // Our lease ran out and another instance took over; stop rather than work side by side.
            throw new SupervisionLeaseLostException();
        }

        _leaseTakenAt = now;
    }

    /// <summary>Decides one batch and commits it: the new notices, their deliveries, the timeline steps and escalations.
    /// A batch that collides with another writer (a notice key taken meanwhile, a task changed) is read again. Gives
    /// back the tasks as decided on: every notice they were planned is now written.</summary>
    private async Task<List<WorkTask>> BatchAsync(List<int> ids, DateOnly today, Func<WorkTask, IReadOnlyList<PlannedNotice>> plan, Tally tally, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var batch = await db.Set<WorkTask>().Where(t => EF.Parameter(ids).Contains(t.Id)).ToListAsync(cancellationToken);
            var planned = batch.SelectMany(t => plan(t).Select(p => (Task: t, Plan: p))).ToList();
            var keys = planned.Select(p => p.Plan.Key).ToList();
            var unwritten = keys.Count == 0 ? [] : (await UnwrittenAsync(keys, cancellationToken)).ToHashSet(StringComparer.Ordinal);
            var fresh = planned.Where(p => unwritten.Contains(p.Plan.Key)).ToList();
            if (fresh.Count == 0)
            {
                db.ChangeTracker.Clear();
                return batch;
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

    /// <summary>
    /// What tells the two passes apart: the due day they read, the notices they plan for it, whether those say all there
    /// is to say about it (see <see cref="SettledTask"/>), and the escalation ladder the due pass settles under (none
    /// for the report pass).
    /// </summary>
    private sealed record Pass(
        Func<WorkTask, DateOnly?> Due,
        Func<int, DateOnly, IReadOnlyList<PlannedNotice>> Plan,
        Func<DateOnly, IReadOnlyList<PlannedNotice>, bool> SaysAll,
        string? Ladder);

    private sealed class Tally
    {
        public int Notices { get; set; }

        public int KeyItems { get; set; }

        public int SpecialList { get; set; }
    }
}

/// <summary>The run's lease expired and another instance took it: this run stops; its committed batches stay.</summary>
public sealed class SupervisionLeaseLostException() : Exception("The supervision lease was lost to another instance.");
