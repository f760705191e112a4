using Followthrough.Calendar;
using Followthrough.Needs;
using Followthrough.Supervision;
using Followthrough.Tests.Infrastructure;
using Followthrough.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Needs;

/// <summary>Open needs near or past their limit reach the daily supervision run through Supervision's seam
/// (<see cref="ISupervisedWork"/>): reminded and urged to the unit whose move it is, once per limit, linking to the need.</summary>
public abstract class NeedsSupervisionTests(AppFixture app)
{
    [Fact]
    public async Task AnOverdueNeed_IsGivenToTheDailyRun_AndUrgedToTheLeadUnit_OnceAndNeverWhenAnswered()
    {
        var cast = await NeedCast.CreateAsync(app);
        var (open, answered, lateDay, late) = await app.WithServicesAsync(async sp =>
        {
            var needs = sp.GetRequiredService<EnterpriseNeeds>();
            var open = await cast.InStateAsync(needs, NeedState.Dispatched);
            var answered = await cast.InStateAsync(needs, NeedState.Answered);
            var calendar = await sp.GetRequiredService<CalendarService>().GetAsync("CN-LN-DL");
            var lateDay = calendar.AddWorkingDays(open.DueOn, 2).Date;
            return (open, answered, lateDay, -calendar.WorkingDaysBetween(lateDay, open.DueOn).WorkingDays);
        });
        Assert.Equal(2, late);

        var given = await app.WithServicesAsync(async sp =>
        {
            var seam = sp.GetServices<ISupervisedWork>().OfType<NeedsDue>().Single();
            var list = new List<WorkDue>();
            await foreach (var work in seam.DueByAsync(lateDay, lateDay, CancellationToken.None))
            {
                list.Add(work);
            }

            return list;
        });
        var overdue = Assert.Single(given, w => w.Key.StartsWith($"enterprise-need:{open.Id}:", StringComparison.Ordinal));
        Assert.Equal(($"enterprise-need:{open.Id}:unit-{cast.LeadUnit}", cast.LeadUnit, $"/needs/{open.Id}", open.DueOn, 2),
            (overdue.Key, overdue.UnitId, overdue.Link, overdue.DueOn, overdue.WorkingDaysLate));
        Assert.DoesNotContain(given, w => w.Key.StartsWith($"enterprise-need:{answered.Id}:", StringComparison.Ordinal));

        await SupervisionTestData.RunAsync(app, lateDay);
        await SupervisionTestData.RunAsync(app, lateDay); // a repeated run writes nothing twice
        await using var scope = app.Db();
        var notices = await scope.Db.Set<Notice>().AsNoTracking().Where(n => n.Key.StartsWith($"enterprise-need:{open.Id}:")).ToListAsync();
        var urging = Assert.Single(notices);
        Assert.Equal((NoticeKind.Overdue, (int?)cast.LeadUnit, $"/needs/{open.Id}", $"enterprise-need:{open.Id}:unit-{cast.LeadUnit}:overdue:{open.DueOn:yyyy-MM-dd}"),
            (urging.Kind, urging.RecipientUnitId, urging.Link, urging.Key));
    }
}

public sealed class NeedsSupervisionOnSqlite(SqliteApp app) : NeedsSupervisionTests(app), IClassFixture<SqliteApp>;

public sealed class NeedsSupervisionOnPostgreSql(PostgreSqlApp app) : NeedsSupervisionTests(app), IClassFixture<PostgreSqlApp>;
