using Followthrough.Storage;
using Followthrough.Storage.Files;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tasks;

internal static class TasksModule
{
    public static IServiceCollection AddTasks(this IServiceCollection services)
    {
        services.AddOptions<TaskOptions>().Configure<IServiceProvider>((options, provider) =>
            provider.GetService<IConfiguration>()?.GetSection(TaskOptions.Section).Bind(options));
        services.AddSingleton<IWorkingDayCalendar, CalendarWorkingDays>();
        services.AddSingleton(provider => new EvidenceStore(DataFolder(provider)));
        services.AddScoped<TaskWriting>();
        // The facades other modules and the command line use are built here: their constructors take the module's own
        // services, which are internal.
        services.AddScoped(p => new SupervisedTasks(p.GetRequiredService<FollowthroughDb>(), p.GetRequiredService<TaskWriting>()));
        services.AddScoped<LifecycleSteps>();
        services.AddScoped<ProgressService>();
        services.AddSingleton<ReportGroupCommit>();
        services.AddScoped<TaskListReader>();
        services.AddScoped<TaskPage>();
        services.AddScoped<DecompositionLists>();
        services.AddScoped(p => new DecompositionImport(
            p.GetRequiredService<FollowthroughDb>(), p.GetRequiredService<TaskWriting>(), p.GetRequiredService<Organization.OrganizationDirectory>(), p.GetService<FileLimits>()));
        services.AddScoped<TaskDirectory>();
        services.AddScoped(p => new TaskLedger(p.GetRequiredService<FollowthroughDb>(), p.GetRequiredService<TaskWriting>(), p.GetRequiredService<TaskListReader>(), p.GetRequiredService<TaskDirectory>(),
            p.GetRequiredService<LifecycleSteps>(), p.GetRequiredService<ProgressService>()));
        services.AddScoped<UnitRevisions>();
        services.AddScoped<TaskFigures>();
        services.AddScoped<ReportedPeriodSummaries>();
        services.AddSingleton<InboxCache>();
        services.AddScoped<Plans.IPlanProgressSource, PlanProgress>();
        return services;
    }

    /// <summary>The web host has configuration; the command line passes its data folder the same way.</summary>
    private static string DataFolder(IServiceProvider provider) =>
        DatabaseSettings.DataFolder(provider.GetService<IConfiguration>() ?? new ConfigurationBuilder().AddEnvironmentVariables().Build());
}
