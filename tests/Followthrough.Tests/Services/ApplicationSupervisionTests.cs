using Followthrough.Services.Applications;
using Followthrough.Services.Clock;
using Followthrough.Storage;
using Followthrough.Supervision;
using Followthrough.Tests.Infrastructure;
using Followthrough.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Services;

/// <summary>
/// Applications near or past their committed limit are reminded and urged by the daily supervision run through
/// Supervision's seam (<see cref="ISupervisedWork"/>), to the item's unit, once per limit, pointing to the application.
/// </summary>
public abstract class ApplicationSupervisionTests(AppFixture app)
{
    [Fact]
    public async Task TheDailyRun_RemindsOnTheDueDay_UrgesOnceLate_ToTheUnit_OncePerLimit_AndNeverForADecidedApplication()
    {
        var cast = await ApplicationCast.CreateAsync(app, committed: 2, statutory: 20);
        var (running, decided, due, late, lateDay) = await app.WithServicesAsync(async sp =>
        {
            var applications = sp.GetRequiredService<ServiceApplications>();
            var running = await cast.InStateAsync(applications, ApplicationState.Accepted);
            var decided = await cast.InStateAsync(applications, ApplicationState.Approved);
            var calendar = await sp.GetRequiredService<ServiceClock>().CalendarAsync();
            var due = running.CommittedDue!.Value;
            var lateDay = due.AddDays(1);
            while (!calendar.IsWorkingDay(lateDay))
            {
                lateDay = lateDay.AddDays(1);
            }

            lateDay = lateDay.AddDays(1);
            while (!calendar.IsWorkingDay(lateDay))
            {
                lateDay = lateDay.AddDays(1);
            }

            return (running, decided, due, -LegalClock.WorkingDaysLeft(calendar, lateDay, due), lateDay);
        });
        Assert.Equal(2, late); // two working days after the due day

        await SupervisionTestData.RunAsync(app, due);
        var reminded = await NoticesAsync(running.Id);
        var reminder = Assert.Single(reminded);
        Assert.Equal((NoticeKind.DueSoon, cast.Item.UnitId, (int?)null, $"/services/applications/{running.Id}", due),
            (reminder.Kind, reminder.RecipientUnitId, reminder.TaskId, reminder.Link, reminder.DueOn));
        Assert.Equal($"{cast.Item.Code} #{running.Id}", reminder.TaskCode);

        await SupervisionTestData.RunAsync(app, lateDay);
        await SupervisionTestData.RunAsync(app, lateDay); // a repeated run writes nothing twice
        var notices = await NoticesAsync(running.Id);
        Assert.Equal(2, notices.Count);
        var urging = Assert.Single(notices, n => n.Kind == NoticeKind.Overdue);
        Assert.Equal((late, $"service-application:{running.Id}:overdue:{due:yyyy-MM-dd}"), (urging.WorkingDaysLate, urging.Key));

        Assert.Empty(await NoticesAsync(decided.Id)); // decided: its clock has stopped

        // the unit's staff read it in their inbox, worded like a task's urging, with the application's link
        var page = await app.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<NoticeService>().ListAsync(cast.Staff, unreadOnly: true, new PageRequest(1, 50))).Items);
        Assert.Contains(page, n => n.Key == urging.Key);
    }

    private async Task<List<Notice>> NoticesAsync(int applicationId)
    {
        await using var scope = app.Db();
        var prefix = $"service-application:{applicationId}:";
        return await scope.Db.Set<Notice>().AsNoTracking().Where(n => n.Key.StartsWith(prefix)).OrderBy(n => n.Id).ToListAsync();
    }
}

public sealed class ApplicationSupervisionOnSqlite(SqliteApp app) : ApplicationSupervisionTests(app), IClassFixture<SqliteApp>;

public sealed class ApplicationSupervisionOnPostgreSql(PostgreSqlApp app) : ApplicationSupervisionTests(app), IClassFixture<PostgreSqlApp>;
