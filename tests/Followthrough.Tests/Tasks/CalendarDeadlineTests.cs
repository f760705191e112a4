using Followthrough.Hosting;
using Followthrough.Accounts;
using Followthrough.Calendar;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Storage.Migrations;
using Followthrough.Tasks;
using Followthrough.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Followthrough.Tests.Tasks;

/// <summary>Deadlines counted with the Calendar module's real data (the holiday-cn notices), end to end.</summary>
public sealed class CalendarDeadlineTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    private static readonly CalendarWorkingDays Official = new(
        CalendarService.FromSnapshot(CalendarSnapshot.Embedded), Options.Create(new TaskOptions()));

    [Theory]
    [InlineData("2025-01-24", 5, "2025-02-07")] // Sun 26 Jan worked; 28 Jan – 4 Feb off
    [InlineData("2025-02-07", 1, "2025-02-08")] // Saturday 8 February worked
    [InlineData("2025-09-26", 4, "2025-10-09")] // Sun 28 Sep worked; 1–8 Oct off
    [InlineData("2025-09-30", 2, "2025-10-10")]
    [InlineData("2025-10-10", 1, "2025-10-11")] // Saturday 11 October worked
    public void TheOfficialCalendar_CountsLikeTheStateCouncilNotice(string start, int days, string expected)
    {
        var from = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        var due = Official.Add(from, days);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), due);
        Assert.Equal(days, Official.Between(from, due));
        Assert.False(Official.AnyProvisional(from, due));
    }

    [Fact]
    public void YearsWithoutASchedule_AreProvisional_AndDatesBeyondTheCalendar_CountWeekendsOnly()
    {
        Assert.True(Official.IsProvisional(new DateOnly(2031, 5, 1)));
        Assert.Equal(new DateOnly(2100, 1, 4), Official.Add(new DateOnly(2099, 12, 31), 2)); // Thursday → Friday 1st, Monday 4th
        Assert.Equal(0, Official.Between(new DateOnly(2025, 2, 7), new DateOnly(2025, 2, 1)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AssignedTheFridayBeforeSpringFestival_With5WorkingDays_IsDue7February_AndOverdueAfter(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await new MigrationRunner(database.Settings).MigrateAsync();
        var clock = FixedTime.On(new DateOnly(2025, 1, 24));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFollowthroughCore(database.Settings);
        services.AddSingleton<TimeProvider>(clock);
        await using var provider_ = services.BuildServiceProvider();

        await using var scope = provider_.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<Actor>().Set(null, "test");
        var db = sp.GetRequiredService<FollowthroughDb>();
        var unit = new Unit { Code = "T-EEB", NameZh = "测试局", NameEn = "Test bureau", Kind = UnitKind.Bureau };
        var office = new Person { NameZh = "督查员", Role = Role.Supervisor };
        db.AddRange(unit, office);
        await db.SaveChangesAsync();
        var supervisor = new CurrentUser(office.Id, "office", Role.Supervisor, null);

        var created = await sp.GetRequiredService<TaskWriting>().CreateAsync(supervisor, new TaskInput
        {
            Title = "春节前交办，5个工作日内办结",
            LeadUnitId = unit.Id,
            DeadlineKind = DeadlineKind.WorkingDays,
            DeadlineWorkingDays = 5,
        });
        var assigned = await sp.GetRequiredService<LifecycleSteps>().ActAsync(supervisor, created.Value!.Id, TaskAction.Assign, new ActionInput { Version = 1 });
        Assert.True(assigned.IsDone, assigned.Reason);
        var task = assigned.Value!;
        Assert.Equal(new DateOnly(2025, 2, 7), task.Deadline);
        Assert.False(task.DeadlineProvisional);
        Assert.Equal(new DateOnly(2025, 2, 5), task.SignForBy); // 3 working days: 26 Jan, 27 Jan, 5 Feb
        Assert.Equal(new DateOnly(2025, 1, 24), task.AssignedOn);

        var calendar = sp.GetRequiredService<IWorkingDayCalendar>();
        var options = sp.GetRequiredService<IOptions<TaskOptions>>().Value;
        var duringHoliday = TaskStanding.Compute(task, new DateOnly(2025, 1, 30), calendar, options);
        Assert.Equal(StandingKind.DueSoon, duringHoliday.Kind);
        Assert.Equal(3, duringHoliday.WorkingDaysLeft);
        var after = TaskStanding.Compute(task, new DateOnly(2025, 2, 10), calendar, options);
        Assert.Equal(StandingKind.Overdue, after.Kind);
        Assert.Equal(2, after.WorkingDaysLate); // Saturday 8 February was a working day, then Monday 10th
    }
}
