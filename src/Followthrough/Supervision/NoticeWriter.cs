using System.Globalization;
using System.Text.Json;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Supervision;

/// <summary>
/// Writes notices: looks up which keys are still unwritten, stages the notices with their deliveries (the outbox), and
/// the tasks' timeline steps and escalations through <see cref="SupervisedTasks"/>. The caller saves them together.
/// </summary>
internal sealed class NoticeWriter(FollowthroughDb db, SupervisedTasks tasks, OrganizationDirectory organization, NoticeSenders senders)
{
    /// <summary>
    /// The keys that no notice has yet. The list goes as one parameter (a JSON array on SQLite, an array on
    /// PostgreSQL), not one parameter per key: binding a few thousand named parameters costs more than the lookups.
    /// Plain ADO.NET, because EF Core's raw queries compile their reader anew on each call.
    /// </summary>
    public Task<List<string>> UnwrittenAsync(List<string> keys, CancellationToken cancellationToken) =>
        db.Database.IsSqlite()
            ? db.QueryAsync("SELECT k.value FROM json_each(@keys) AS k WHERE NOT EXISTS (SELECT 1 FROM notices n WHERE n.key = k.value)",
                [("@keys", JsonSerializer.Serialize(keys))], r => r.GetString(0), cancellationToken)
            : db.QueryAsync("SELECT k FROM unnest(@keys) AS k WHERE NOT EXISTS (SELECT 1 FROM notices n WHERE n.key = k)",
                [("@keys", keys.ToArray())], r => r.GetString(0), cancellationToken);

    /// <summary>Stages the run's new notices, their deliveries, the steps on the tasks' timelines and the escalations.</summary>
    public async Task<(int KeyItems, int SpecialList)> WriteAsync(List<(SupervisedTask Task, PlannedNotice Plan)> fresh, DateOnly today, CancellationToken cancellationToken)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var emails = await EmailsAsync(fresh.Select(f => f.Task), cancellationToken);
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
                SenderName = SupervisionRun.ActorName,
                CreatedAt = now,
            };
            db.Set<Notice>().Add(notice);
            AddDeliveries(notice, emails);

            var details = string.Create(CultureInfo.InvariantCulture, $"{plan.Key}; due {plan.DueOn:yyyy-MM-dd}{(plan.WorkingDaysLate is { } late ? $"; {late} working days late" : string.Empty)}");
            switch (plan.Escalation)
            {
                case EscalationStep.KeyItem:
                    if (await tasks.RaiseToKeyItemAsync(task.Id, details, cancellationToken))
                    {
                        keyItems++;
                    }

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

                    await tasks.RecordStepAsync(task.Id, SupervisionStep.PutOnSpecialList, "Put on the special supervision list.", details, cancellationToken);
                    break;
                default:
                    await tasks.RecordStepAsync(task.Id, plan.Kind == NoticeKind.DueSoon ? SupervisionStep.Reminded : SupervisionStep.Urged, null, details, cancellationToken);
                    break;
            }
        }

        return (keyItems, special);
    }

    /// <summary>Stages the notices about other modules' work (<see cref="WorkPass"/>), each to the unit that holds it,
    /// with their deliveries. The work's own module records what it needs on its side; nothing here touches it.</summary>
    public async Task WriteWorkAsync(List<(WorkDue Work, string Key)> fresh, CancellationToken cancellationToken)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var units = fresh.Select(f => f.Work.UnitId).Distinct().ToList();
        var emails = senders.Options.Smtp.IsConfigured
            ? (await organization.EmailAddressesAsync(units, [], cancellationToken)).ToLookup(a => (a.UnitId, a.PersonId), a => a.Address)
            : Array.Empty<EmailAddress>().ToLookup(a => (a.UnitId, a.PersonId), a => a.Address);
        foreach (var (work, key) in fresh)
        {
            var notice = new Notice
            {
                Key = key,
                Kind = work.WorkingDaysLate > 0 ? NoticeKind.Overdue : NoticeKind.DueSoon,
                RecipientUnitId = work.UnitId,
                TaskCode = work.Code,
                TaskTitle = work.Title,
                Link = work.Link,
                DueOn = work.DueOn,
                WorkingDaysLate = work.WorkingDaysLate > 0 ? work.WorkingDaysLate : null,
                SenderName = SupervisionRun.ActorName,
                CreatedAt = now,
            };
            db.Set<Notice>().Add(notice);
            AddDeliveries(notice, emails);
        }
    }

    /// <summary>Queues the e-mails and the webhook call for a new notice, in the same save.</summary>
    public void AddDeliveries(Notice notice, ILookup<(int? Unit, int? Person), string> emails)
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

    /// <summary>The e-mail addresses of the tasks' possible recipients: the lead units' active staff, and the lead leaders.</summary>
    public async Task<ILookup<(int? Unit, int? Person), string>> EmailsAsync(IEnumerable<SupervisedTask> about, CancellationToken cancellationToken)
    {
        if (!senders.Options.Smtp.IsConfigured)
        {
            return Array.Empty<EmailAddress>().ToLookup(a => (a.UnitId, a.PersonId), a => a.Address);
        }

        var list = about.ToList();
        var units = list.Select(t => t.LeadUnitId).Distinct().ToList();
        var people = list.Where(t => t.LeadLeaderId is not null).Select(t => t.LeadLeaderId!.Value).Distinct().ToList();
        var found = await organization.EmailAddressesAsync(units, people, cancellationToken);
        return found.ToLookup(a => (a.UnitId, a.PersonId), a => a.Address);
    }
}
