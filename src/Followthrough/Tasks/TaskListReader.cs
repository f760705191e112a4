using Followthrough.Accounts;
using Followthrough.Organization;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Tasks;

/// <summary>What a list may be narrowed to. Unit means lead or co-operating unit.</summary>
public sealed record TaskFilter(
    int? UnitId = null,
    int? LeaderId = null,
    OriginKind? Origin = null,
    TaskState? State = null,
    string? Tag = null,
    string? Text = null,
    bool OverdueOnly = false,
    int? ParentId = null);

/// <summary>A task on a list, with its standing computed for today.</summary>
internal sealed record TaskRow(WorkTask Task, TaskStanding Standing);

/// <summary>One part of the inbox or the board: the first rows and how many there are in all.</summary>
internal sealed record TaskSection(IReadOnlyList<TaskRow> Rows, int Total)
{
    public static readonly TaskSection Empty = new([], 0);
}

/// <summary>A unit's inbox: what to sign for, what reports are owed, what is overdue, what came back for rework.</summary>
internal sealed record UnitInbox(TaskSection ToSignFor, TaskSection ToReport, TaskSection Overdue, TaskSection Returned);

/// <summary>The supervision office's board.</summary>
internal sealed record SupervisorBoard(
    TaskSection Overdue, TaskSection DueSoon, TaskSection AwaitingVerification, TaskSection ExtensionRequests, TaskSection ReturnedByUnits);

/// <summary>
/// Reading lists of tasks. Each hot list is one index range: the inbox on (lead_unit_id, next_due) or
/// (lead_unit_id, state), the overdue board on next_due, which is null unless a task is running.
/// </summary>
internal sealed class TaskListReader(FollowthroughDb db, TaskWriting tasks)
{
    public const int SectionSize = 50;

    /// <summary>The day the lists are computed for (in the city's time zone).</summary>
    public DateOnly Today => tasks.Today;

    /// <summary>The tasks this person may see: all for the office, leaders and administrators; for unit staff, those
    /// their unit leads, co-operates on or coordinates (never drafts).</summary>
    public IQueryable<WorkTask> VisibleTo(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var all = db.Set<WorkTask>().AsNoTracking();
        if (!TaskPermissions.CanReadTasks(user))
        {
            return all.Where(t => false);
        }

        if (user.Role != Role.UnitStaff)
        {
            return all;
        }

        var unit = user.UnitId ?? -1;
        return all.Where(t => t.State != TaskState.Draft && (t.LeadUnitId == unit
            || db.Set<TaskPartner>().Any(p => p.TaskId == t.Id && p.UnitId == unit)
            || db.Set<WorkTask>().Any(parent => parent.Id == t.ParentId && parent.LeadUnitId == unit)));
    }

    public IQueryable<WorkTask> Filter(IQueryable<WorkTask> query, TaskFilter filter)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.UnitId is { } unit)
        {
            query = query.Where(t => t.LeadUnitId == unit || db.Set<TaskPartner>().Any(p => p.TaskId == t.Id && p.UnitId == unit));
        }

        if (filter.LeaderId is { } leader)
        {
            query = query.Where(t => t.LeadLeaderId == leader);
        }

        if (filter.Origin is { } origin)
        {
            query = query.Where(t => t.OriginKind == origin);
        }

        if (filter.State is { } state)
        {
            query = query.Where(t => t.State == state);
        }

        if (!string.IsNullOrWhiteSpace(filter.Tag))
        {
            var tag = filter.Tag.Trim();
            query = query.Where(t => db.Set<TaskTag>().Any(x => x.TaskId == t.Id && x.Tag == tag));
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            // Lower-cased on both sides: SQLite's instr() and PostgreSQL's strpos() are both case-sensitive.
            var text = filter.Text.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // EF Core translates ToLower() to SQL lower(); the culture overloads do not translate.
            query = query.Where(t => t.Code.ToLower() == text || t.Title.ToLower().Contains(text));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (filter.OverdueOnly)
        {
            var today = tasks.Today;
            query = query.Where(t => t.NextDue < today);
        }

        if (filter.ParentId is { } parent)
        {
            query = query.Where(t => t.ParentId == parent);
        }

        return query;
    }

    /// <summary>A page of tasks in code order, or, <paramref name="byDue"/>, the most pressing first.</summary>
    public async Task<(IReadOnlyList<TaskRow> Rows, int Total)> ListAsync(
        CurrentUser user, TaskFilter filter, int skip, int take, bool byDue = false, CancellationToken cancellationToken = default)
    {
        var query = Filter(VisibleTo(user), filter);
        var total = await query.CountAsync(cancellationToken);
        var ordered = byDue ? query.OrderBy(t => t.NextDue).ThenBy(t => t.Id) : query.OrderBy(t => t.Code);
        var page = await ordered.Skip(skip).Take(take).Select(t => t.Id).ToListAsync(cancellationToken);
        return (await RowsAsync(page, cancellationToken), total);
    }

    /// <summary>
    /// A unit's inbox in three statements whatever its size: the four counts in one, the first rows of the four lists
    /// in one (a union of four index ranges), then those tasks with their tags and time nodes (see <see cref="RowsAsync(IReadOnlyList{int}, bool, CancellationToken)"/>).
    /// </summary>
    public async Task<UnitInbox> InboxAsync(int unitId, CancellationToken cancellationToken = default)
    {
        var today = tasks.Today;
        var q = InboxQueries(unitId, today, tasks.Calendar.Add(today, tasks.Options.DueSoonWorkingDays));
        var (toSignFor, toReport, overdue, returned) = (q[0], q[1], q[2], q[3]);
        // The four counts in one statement: a one-row query (the task with the lowest id, or none) carries them.
        var counts = await db.Set<WorkTask>().AsNoTracking().OrderBy(t => t.Id).Take(1)
            .Select(_ => new { ToSignFor = toSignFor.Count(), ToReport = toReport.Count(), Overdue = overdue.Count(), Returned = returned.Count() })
            .SingleOrDefaultAsync(cancellationToken);
        if (counts is null)
        {
            return new UnitInbox(TaskSection.Empty, TaskSection.Empty, TaskSection.Empty, TaskSection.Empty);
        }

        // Each list keeps its own order: the union carries the sort key, and the rows are put back in order here.
        const int take = SectionSize;
        var listed = await toSignFor.Take(take).Select(t => new { List = 0, t.Id, Key = t.SignForBy })
            .Concat(toReport.Take(take).Select(t => new { List = 1, t.Id, Key = t.NextReportDue }))
            .Concat(overdue.Take(take).Select(t => new { List = 2, t.Id, Key = t.NextDue }))
            .Concat(returned.Take(take).Select(t => new { List = 3, t.Id, Key = t.NextDue })) // (by id only; a typed column keeps PostgreSQL's UNION happy)
            .ToListAsync(cancellationToken);
        var rows = (await RowsAsync([.. listed.Select(l => l.Id).Distinct()], includePartners: false, cancellationToken))
            .ToDictionary(r => r.Task.Id);
        TaskSection Section(int list, int total) => new(
            [.. listed.Where(l => l.List == list && rows.ContainsKey(l.Id)).OrderBy(l => list == 3 ? null : l.Key).ThenBy(l => l.Id).Select(l => rows[l.Id])], total);
        return new UnitInbox(Section(0, counts.ToSignFor), Section(1, counts.ToReport), Section(2, counts.Overdue), Section(3, counts.Returned));
    }

    public async Task<SupervisorBoard> BoardAsync(CancellationToken cancellationToken = default)
    {
        var q = BoardQueries(tasks.Today, tasks.Calendar.Add(tasks.Today, tasks.Options.DueSoonWorkingDays));
        return new SupervisorBoard(
            await SectionAsync(q[0], cancellationToken),
            await SectionAsync(q[1], cancellationToken),
            await SectionAsync(q[2], cancellationToken),
            await SectionAsync(q[3], cancellationToken),
            await SectionAsync(q[4], cancellationToken));
    }

    /// <summary>The inbox's lists, each served by an index on (lead_unit_id, …): to sign for, reports owed, overdue, rework.</summary>
    internal IReadOnlyList<IQueryable<WorkTask>> InboxQueries(int unitId, DateOnly today, DateOnly soon)
    {
        var own = db.Set<WorkTask>().AsNoTracking().Where(t => t.LeadUnitId == unitId);
        return
        [
            own.Where(t => t.State == TaskState.Assigned).OrderBy(t => t.SignForBy).ThenBy(t => t.Id),
            own.Where(t => t.NextReportDue <= soon).OrderBy(t => t.NextReportDue).ThenBy(t => t.Id),
            own.Where(t => t.NextDue < today).OrderBy(t => t.NextDue).ThenBy(t => t.Id),
            own.Where(t => t.NeedsRework && (t.State == TaskState.SignedFor || t.State == TaskState.InProgress)).OrderBy(t => t.Id),
        ];
    }

    /// <summary>The board's lists: overdue and due soon are range scans on next_due (null unless running).</summary>
    internal IReadOnlyList<IQueryable<WorkTask>> BoardQueries(DateOnly today, DateOnly soon)
    {
        var all = db.Set<WorkTask>().AsNoTracking();
        return
        [
            all.Where(t => t.NextDue < today).OrderBy(t => t.NextDue).ThenBy(t => t.Id),
            all.Where(t => t.NextDue >= today && t.NextDue <= soon).OrderBy(t => t.NextDue).ThenBy(t => t.Id),
            all.Where(t => t.State == TaskState.CompletionClaimed).OrderBy(t => t.CompletionClaimedOn).ThenBy(t => t.Id),
            all.Where(t => t.ExtensionPending).OrderBy(t => t.Id),
            all.Where(t => t.State == TaskState.Returned).OrderBy(t => t.Id),
        ];
    }

    /// <summary>Tasks overdue today, most overdue first; for one unit (as lead) or all.</summary>
    public async Task<TaskSection> OverdueAsync(int? unitId, int take, CancellationToken cancellationToken = default)
    {
        var today = tasks.Today;
        var query = db.Set<WorkTask>().AsNoTracking().Where(t => t.NextDue < today);
        if (unitId is { } unit)
        {
            query = query.Where(t => t.LeadUnitId == unit);
        }

        return await SectionAsync(query.OrderBy(t => t.NextDue).ThenBy(t => t.Id), cancellationToken, take);
    }

    /// <summary>The given tasks, in the given order, with tags, time nodes and co-operating units loaded and their standing computed.</summary>
    public Task<IReadOnlyList<TaskRow>> RowsAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken = default) =>
        RowsAsync(ids, includePartners: true, cancellationToken);

    /// <summary>
    /// The given tasks, in the given order, with their standing: one statement for the tasks and one for each kind
    /// of child row (tags and time nodes always; co-operating units when the caller shows them).
    /// </summary>
    public async Task<IReadOnlyList<TaskRow>> RowsAsync(IReadOnlyList<int> ids, bool includePartners, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        var loaded = await db.Set<WorkTask>().AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        foreach (var tag in await db.Set<TaskTag>().AsNoTracking().Where(x => ids.Contains(x.TaskId)).ToListAsync(cancellationToken))
        {
            loaded[tag.TaskId].Tags.Add(tag);
        }

        foreach (var node in await db.Set<TimeNode>().AsNoTracking().Where(x => ids.Contains(x.TaskId)).ToListAsync(cancellationToken))
        {
            loaded[node.TaskId].TimeNodes.Add(node);
        }

        if (includePartners)
        {
            foreach (var partner in await db.Set<TaskPartner>().AsNoTracking().Where(x => ids.Contains(x.TaskId)).OrderBy(x => x.Id).ToListAsync(cancellationToken))
            {
                loaded[partner.TaskId].Partners.Add(partner);
            }
        }

        var today = tasks.Today;
        return [.. ids.Where(loaded.ContainsKey).Select(id => new TaskRow(loaded[id], TaskStanding.Compute(loaded[id], today, tasks.Calendar, tasks.Options)))];
    }

    private async Task<TaskSection> SectionAsync(IQueryable<WorkTask> query, CancellationToken cancellationToken, int take = SectionSize)
    {
        var total = await query.CountAsync(cancellationToken);
        var ids = total == 0 ? [] : await query.Take(take).Select(t => t.Id).ToListAsync(cancellationToken);
        return new TaskSection(await RowsAsync(ids, cancellationToken), total);
    }
}
