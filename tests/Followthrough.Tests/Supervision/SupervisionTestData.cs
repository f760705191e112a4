using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Supervision;
using Followthrough.Tasks;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Followthrough.Tests.Supervision;

/// <summary>Running tasks written straight into the database with the due days a test needs, and runs on a given day.</summary>
internal static class SupervisionTestData
{
    public static async Task<List<int>> RunningTasksAsync(IServiceProvider services, string unitCode, IReadOnlyList<DateOnly> dues, int? leaderId = null, DateOnly? reportDue = null)
    {
        var db = services.GetRequiredService<FollowthroughDb>();
        var unit = await db.Set<Unit>().Where(u => u.Code == unitCode).Select(u => u.Id).SingleAsync();
        var tasks = dues.Select(due => new WorkTask
        {
            Code = $"SV-{Guid.NewGuid():N}"[..20],
            Title = $"Supervised task {Guid.NewGuid():N}"[..30],
            LeadUnitId = unit,
            LeadLeaderId = leaderId,
            State = TaskState.InProgress,
            AssignedOn = due.AddDays(-60),
            SignedOn = due.AddDays(-58),
            Deadline = due,
            NextDue = due,
            NextReportDue = reportDue,
        }).ToList();
        db.Set<WorkTask>().AddRange(tasks);
        await db.SaveChangesAsync();
        return [.. tasks.Select(t => t.Id)];
    }

    public static Task<SupervisionRunResult> RunAsync(AppFixture app, DateOnly day, SupervisionOptions? options = null, CancellationToken cancellationToken = default) =>
        app.WithServicesAsync(sp => Create(sp, options).RunAsync(day, cancellationToken));

    public static SupervisionRun Create(IServiceProvider sp, SupervisionOptions? options = null, TaskWriting? tasks = null)
    {
        var chosen = options is null ? sp.GetRequiredService<IOptions<SupervisionOptions>>() : Options.Create(options);
        var supervised = tasks is null ? sp.GetRequiredService<SupervisedTasks>() : new SupervisedTasks(sp.GetRequiredService<FollowthroughDb>(), tasks);
        var writer = ActivatorUtilities.CreateInstance<NoticeWriter>(sp, supervised);
        return new SupervisionRun(
            sp.GetRequiredService<FollowthroughDb>(),
            ActivatorUtilities.CreateInstance<SupervisionPasses>(sp, supervised, writer, chosen),
            ActivatorUtilities.CreateInstance<WorkPass>(sp, supervised, writer, chosen),
            ActivatorUtilities.CreateInstance<PendingDeliveries>(sp, chosen),
            sp.GetRequiredService<Followthrough.Tasks.ReportedPeriodSummaries>(),
            sp.GetRequiredService<Followthrough.Audit.AuditCheckpoints>(),
            chosen,
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SupervisionRun>>());
    }

    public static async Task<List<Notice>> NoticesAsync(AppFixture app, IReadOnlyCollection<int> taskIds)
    {
        await using var scope = app.Db();
        return await scope.Db.Set<Notice>().AsNoTracking().Where(n => n.TaskId != null && taskIds.Contains(n.TaskId.Value)).ToListAsync();
    }

    public static async Task<List<TaskEvent>> EventsAsync(AppFixture app, IReadOnlyCollection<int> taskIds)
    {
        await using var scope = app.Db();
        return await scope.Db.Set<TaskEvent>().AsNoTracking().Where(e => taskIds.Contains(e.TaskId)).ToListAsync();
    }
}

/// <summary>The real calendar, cancelling a token on the n-th count: stops a run deterministically part-way.</summary>
internal sealed class CancellingCalendar(IWorkingDayCalendar inner, CancellationTokenSource source, int cancelOnCall) : IWorkingDayCalendar
{
    private int _calls;

    public bool IsWorkingDay(DateOnly date) => inner.IsWorkingDay(date);

    public bool IsProvisional(DateOnly date) => inner.IsProvisional(date);

    public DateOnly AddWorkingDays(DateOnly start, int count) => inner.Add(start, count);

    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (Interlocked.Increment(ref _calls) == cancelOnCall)
        {
            source.Cancel();
        }

        return inner.Between(from, to);
    }
}
