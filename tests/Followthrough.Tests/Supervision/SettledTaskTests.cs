using Followthrough.Organization;
using Followthrough.Supervision;
using Followthrough.Tasks;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Tests.Supervision;

/// <summary>
/// The run's record of tasks it has said everything to (<see cref="SettledTask"/>): a settled task is skipped, so a
/// notice removed behind the run's back stays removed, until its due day, its report day or the ladder changes.
/// </summary>
public abstract class SettledTaskTests(AppFixture app)
{
    [Fact]
    public async Task OverdueTask_PastTheLadder_IsSkipped_UntilItsDueDayMoves()
    {
        var leader = await app.CreateUserAsync(Role.Leader);
        var ids = await app.WithServicesAsync(sp => SupervisionTestData.RunningTasksAsync(sp, "DL-FIN", [new DateOnly(2023, 3, 1)], leader.PersonId));
        var id = ids[0];
        var day = new DateOnly(2023, 3, 20); // 13 working days late: urged and both steps of the ladder taken
        await SupervisionTestData.RunAsync(app, day);
        Assert.Equal(3, (await SupervisionTestData.NoticesAsync(app, ids)).Count);
        var settled = await SettledAsync(id);
        Assert.Equal(new DateOnly(2023, 3, 1), settled?.DueOn);
        Assert.Equal("5,10", settled?.Ladder);

        await DeleteNoticeAsync($"task:{id}:overdue:2023-03-01");
        await SupervisionTestData.RunAsync(app, day.AddDays(1));
        Assert.DoesNotContain(await SupervisionTestData.NoticesAsync(app, ids), n => n.Kind == NoticeKind.Overdue); // not read again

        await SetDueAsync(id, nextDue: new DateOnly(2023, 3, 6), nextReportDue: null); // e.g. a time node reached: the next one is due
        await SupervisionTestData.RunAsync(app, day.AddDays(2));
        var notices = await SupervisionTestData.NoticesAsync(app, ids);
        Assert.Single(notices, n => n.Key == $"task:{id}:overdue:2023-03-06");
        Assert.Equal(3, notices.Count); // the escalations are the task's, not the due day's: not sent again
        Assert.Equal(new DateOnly(2023, 3, 6), (await SettledAsync(id))?.DueOn);
    }

    [Fact]
    public async Task TaskNotYetAtTheTopOfTheLadder_IsNotSettled_AndEscalatesOnTime()
    {
        var ids = await app.WithServicesAsync(sp => SupervisionTestData.RunningTasksAsync(sp, "DL-FIN", [new DateOnly(2023, 5, 4)]));
        await SupervisionTestData.RunAsync(app, new DateOnly(2023, 5, 12)); // 7 working days late (6 May, a Saturday, was worked for Labour Day): urged, made a key item
        Assert.Equal(2, (await SupervisionTestData.NoticesAsync(app, ids)).Count);
        Assert.Null((await SettledAsync(ids[0]))?.DueOn);

        await SupervisionTestData.RunAsync(app, new DateOnly(2023, 5, 18)); // 11 working days late
        Assert.Single(await SupervisionTestData.NoticesAsync(app, ids), n => n.Kind == NoticeKind.SpecialSupervision);
        Assert.Equal(new DateOnly(2023, 5, 4), (await SettledAsync(ids[0]))?.DueOn);
    }

    [Fact]
    public async Task SettledTask_UnderANewLadder_TakesTheNewStep()
    {
        var ids = await app.WithServicesAsync(sp => SupervisionTestData.RunningTasksAsync(sp, "DL-STB", [new DateOnly(2023, 6, 1)]));
        await SupervisionTestData.RunAsync(app, new DateOnly(2023, 6, 19)); // 12 working days late
        Assert.Equal("5,10", (await SettledAsync(ids[0]))?.Ladder);

        await SupervisionTestData.RunAsync(app, new DateOnly(2023, 6, 21), new SupervisionOptions { SpecialListAfterWorkingDays = 13 }); // 14 working days late
        Assert.Single(await SupervisionTestData.NoticesAsync(app, ids), n => n.Key == $"task:{ids[0]}:escalate:13");
        Assert.Equal("5,13", (await SettledAsync(ids[0]))?.Ladder);
    }

    [Fact]
    public async Task OverdueReport_IsUrgedOnce_AndSkipped_UntilTheReportDayMoves()
    {
        var ids = await app.WithServicesAsync(sp => SupervisionTestData.RunningTasksAsync(sp, "DL-DRC", [new DateOnly(2033, 1, 3)], reportDue: new DateOnly(2023, 9, 1)));
        var id = ids[0];
        await SupervisionTestData.RunAsync(app, new DateOnly(2023, 9, 5));
        Assert.Single(await SupervisionTestData.NoticesAsync(app, ids), n => n.Key == $"task:{id}:report-overdue:2023-09-01");
        Assert.Equal(new DateOnly(2023, 9, 1), (await SettledAsync(id))?.ReportDueOn);

        await DeleteNoticeAsync($"task:{id}:report-overdue:2023-09-01");
        await SupervisionTestData.RunAsync(app, new DateOnly(2023, 9, 6));
        Assert.Empty(await SupervisionTestData.NoticesAsync(app, ids));

        await SetDueAsync(id, nextDue: new DateOnly(2033, 1, 3), nextReportDue: new DateOnly(2023, 9, 4)); // a report came, the next is owed
        await SupervisionTestData.RunAsync(app, new DateOnly(2023, 9, 7));
        Assert.Single(await SupervisionTestData.NoticesAsync(app, ids), n => n.Key == $"task:{id}:report-overdue:2023-09-04");
    }

    private async Task<SettledTask?> SettledAsync(int taskId)
    {
        await using var scope = app.Db();
        return await scope.Db.Set<SettledTask>().AsNoTracking().SingleOrDefaultAsync(s => s.TaskId == taskId);
    }

    private async Task DeleteNoticeAsync(string key)
    {
        await using var scope = app.Db();
        Assert.Equal(1, await scope.Db.Set<Notice>().Where(n => n.Key == key).ExecuteDeleteAsync());
    }

    private async Task SetDueAsync(int taskId, DateOnly nextDue, DateOnly? nextReportDue)
    {
        await using var scope = app.Db();
        await scope.Db.Set<WorkTask>().Where(t => t.Id == taskId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.NextDue, nextDue).SetProperty(t => t.NextReportDue, nextReportDue));
    }
}

public sealed class SettledTaskOnSqlite(SqliteApp app) : SettledTaskTests(app), IClassFixture<SqliteApp>;

public sealed class SettledTaskOnPostgreSql(PostgreSqlApp app) : SettledTaskTests(app), IClassFixture<PostgreSqlApp>;
