using Followthrough.Accounts;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Tasks;
using Followthrough.Web;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Supervision;

/// <summary>A notice someone may read, with whether it was read.</summary>
internal sealed record NoticeDto(
    long Id, NoticeKind Kind, int? TaskId, string TaskCode, string TaskTitle, DateOnly? DueOn, int? WorkingDaysLate,
    string? Message, string SenderName, DateTime CreatedAt, DateTime? ReadAt, string Text, string? Link = null)
{
    public static NoticeDto From(Notice n, string text)
    {
        ArgumentNullException.ThrowIfNull(n);
        return new(n.Id, n.Kind, n.TaskId, n.TaskCode, n.TaskTitle, n.DueOn, n.WorkingDaysLate, n.Message, n.SenderName, n.CreatedAt, n.ReadAt, text,
            n.Link ?? (n.TaskId is { } task ? $"/tasks/{task}" : null));
    }
}

/// <summary>A task on the special supervision list.</summary>
internal sealed record SpecialItemDto(int TaskId, string TaskCode, string TaskTitle, int LeadUnitId, TaskState State, DateOnly? NextDue, DateOnly AddedOn, int WorkingDaysLate);

/// <summary>What happened to an urging request.</summary>
internal enum UrgeOutcome
{
    Sent,
    NotFound,
    Forbidden,
    NotRunning,
    Invalid,
}

/// <summary>
/// The inbox (站内通知) and the supervisor's urging by hand. A person reads the notices addressed to them and, for unit
/// staff, to their unit; nobody reads another unit's notices.
/// </summary>
internal sealed class NoticeService
{
    public const int MaxMessageLength = 1000;

    private readonly FollowthroughDb _db;
    private readonly SupervisedTasks _tasks;
    private readonly NoticeWriter _writer;

    private (int? PersonId, int Count)? _unread;

    internal NoticeService(FollowthroughDb db, SupervisedTasks tasks, NoticeWriter writer)
    {
        (_db, _tasks, _writer) = (db, tasks, writer);
    }

    /// <summary>The notices this person may read.</summary>
    public IQueryable<Notice> For(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var all = _db.Set<Notice>().AsNoTracking();
        if (!user.IsSignedIn)
        {
            return all.Where(n => false);
        }

        var person = user.PersonId;
        var unit = user.Role == Role.UnitStaff ? user.UnitId ?? -1 : -1;
        return all.Where(n => n.RecipientPersonId == person || n.RecipientUnitId == unit);
    }

    public async Task<(IReadOnlyList<Notice> Items, int Total)> ListAsync(CurrentUser user, bool unreadOnly, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = For(user);
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(n => n.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>
    /// How many of the person's notices are unread. Every page's layout asks (the link in the header), and the notices
    /// page asks again: counted once per request (this service is scoped) until a notice is marked read.
    /// </summary>
    public async Task<int> UnreadCountAsync(CurrentUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (_unread is { } known && known.PersonId == user.PersonId)
        {
            return known.Count;
        }

        var count = await For(user).CountAsync(n => n.ReadAt == null, cancellationToken);
        _unread = (user.PersonId, count);
        return count;
    }

    /// <summary>Marks a notice read; false when the person may not read it (or it does not exist).</summary>
    public async Task<bool> MarkReadAsync(CurrentUser user, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        _unread = null;
        if (!await For(user).AnyAsync(n => n.Id == id, cancellationToken))
        {
            return false;
        }

        var notice = await _db.Set<Notice>().SingleAsync(n => n.Id == id, cancellationToken);
        if (notice.ReadAt is null)
        {
            notice.ReadAt = _db.Clock.GetUtcNow().UtcDateTime;
            notice.ReadById = user.PersonId;
            _db.DescribeNextSave("notice-read");
            await _db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// A supervisor urges the lead unit of a running task (催办): a notice to the unit, queued for e-mail and the webhook,
    /// and an "urged" step on the task's timeline, in one save.
    /// </summary>
    public async Task<(UrgeOutcome Outcome, Notice? Notice, string? Problem)> UrgeAsync(CurrentUser user, int taskId, string? message, CancellationToken cancellationToken = default)
    {
        _unread = null;
        ArgumentNullException.ThrowIfNull(user);
        if (!SupervisionPermissions.CanUrgeTasks(user))
        {
            return (UrgeOutcome.Forbidden, null, "Only the supervision office sends urging notices.");
        }

        var text = string.IsNullOrWhiteSpace(message) ? null : message.Trim();
        if (text is { Length: > MaxMessageLength })
        {
            return (UrgeOutcome.Invalid, null, $"The message may be at most {MaxMessageLength} characters.");
        }

        var task = await _tasks.FindAsync(taskId, cancellationToken);
        if (task is null)
        {
            return (UrgeOutcome.NotFound, null, null);
        }

        if (!task.State.IsRunning())
        {
            return (UrgeOutcome.NotRunning, null, $"Only a running task (assigned, signed for, in progress) can be urged; this one is {task.State}.");
        }

        var now = _db.Clock.GetUtcNow().UtcDateTime;
        var notice = new Notice
        {
            Key = $"task:{task.Id}:urged:{Guid.NewGuid():N}",
            Kind = NoticeKind.Urged,
            TaskId = task.Id,
            RecipientUnitId = task.LeadUnitId,
            TaskCode = task.Code,
            TaskTitle = task.Title,
            DueOn = task.NextDue,
            WorkingDaysLate = task.NextDue is { } due ? TaskStanding.AgainstDueDay(due, _tasks.Today, _tasks.Calendar, _tasks.Options).WorkingDaysLate : null,
            Message = text,
            SenderId = user.PersonId,
            SenderName = user.Name,
            CreatedAt = now,
        };
        _db.Set<Notice>().Add(notice);
        _writer.AddDeliveries(notice, await _writer.EmailsAsync([task], cancellationToken));
        await _tasks.RecordStepAsync(task.Id, SupervisionStep.Urged, text, notice.Key, cancellationToken);
        _db.DescribeNextSave("urged", text);
        await _db.SaveChangesAsync(cancellationToken);
        return (UrgeOutcome.Sent, notice, null);
    }

    /// <summary>The special supervision list, most recently added first, with each task as it stands now.</summary>
    public async Task<(IReadOnlyList<SpecialItemDto> Items, int Total)> SpecialListAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        var items = _db.Set<SpecialSupervisionItem>().AsNoTracking();
        var total = await items.CountAsync(cancellationToken);
        var onPage = await items.OrderByDescending(s => s.AddedOn).ThenBy(s => s.Id).Skip(page.Skip).Take(page.PageSize)
            .Select(s => new { s.TaskId, s.AddedOn, s.WorkingDaysLate })
            .ToListAsync(cancellationToken);
        var listed = await _tasks.ReadAsync(onPage.Select(s => s.TaskId), cancellationToken);
        var rows = new List<SpecialItemDto>(onPage.Count);
        foreach (var s in onPage)
        {
            if (listed.TryGetValue(s.TaskId, out var t))
            {
                rows.Add(new(t.Id, t.Code, t.Title, t.LeadUnitId, t.State, t.NextDue, s.AddedOn, s.WorkingDaysLate));
            }
        }

        return (rows, total);
    }
}
