using Followthrough.Services.Applications;
using Followthrough.Services.Figures;
using Followthrough.Storage;
using Followthrough.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Services;

/// <summary>The demo as a new installation gets it: three months of applications in every state, in the monthly figures.</summary>
public sealed class DemoServiceHistoryTests(DemoServiceHistoryTests.WithHistory app) : IClassFixture<DemoServiceHistoryTests.WithHistory>
{
    public sealed class WithHistory : AppFixture
    {
        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

        protected override void Configure(IWebHostBuilder web) => web.UseSetting("Followthrough:Demo:ApplicationHistoryDays", "92");
    }

    [Fact]
    public async Task TheDemo_HasThreeMonthsOfApplications_InEveryState_CountedInTheFigures()
    {
        var supervisor = new CurrentUser(null, "supervisor", Role.Supervisor, null);
        var today = ChinaClock.Today(TimeProvider.System);
        var (states, months, overdue) = await app.WithServicesAsync(async sp =>
        {
            var figures = sp.GetRequiredService<ServiceFigures>();
            var counted = await sp.GetRequiredService<FollowthroughDb>().Set<ServiceApplication>()
                .GroupBy(a => a.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
            var states = Enum.GetValues<ApplicationState>().ToDictionary(s => s, s => counted.GetValueOrDefault(s));

            var months = new List<UnitServiceFigures>();
            for (var back = 1; back <= 3; back++)
            {
                var month = today.AddMonths(-back).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
                months.Add((await figures.MonthAsync(supervisor, month)).Value!.Total);
            }

            var late = 0;
            foreach (var due in sp.GetServices<Followthrough.Supervision.ISupervisedWork>())
            {
                await foreach (var work in due.DueByAsync(today, today, CancellationToken.None))
                {
                    late += work.WorkingDaysLate > 0 && work.Key.StartsWith("service-application:", StringComparison.Ordinal) ? 1 : 0;
                }
            }

            return (states, months, late);
        });

        Assert.All(states, s => Assert.True(s.Value > 0, $"No demo application is {s.Key}."));
        Assert.All(months, m => Assert.True(m.Received > 20 && m.Decided > 10, $"A month with {m.Received} received, {m.Decided} decided."));
        Assert.All(months, m => Assert.InRange(m.OnTime, 1, m.Decided - 1)); // mostly on time, some late
        Assert.True(months.Sum(m => m.Visits) > 0);
        Assert.True(overdue > 0); // some accepted applications are past their committed limit: the board has work
    }
}
