using Followthrough.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tasks;

public static class TasksModule
{
    public static IServiceCollection AddTasks(this IServiceCollection services)
    {
        services.AddOptions<TaskOptions>().Configure<IServiceProvider>((options, provider) =>
            provider.GetService<IConfiguration>()?.GetSection(TaskOptions.Section).Bind(options));
        services.AddSingleton<IWorkingDayCalendar, CalendarWorkingDays>();
        services.AddSingleton(provider => new EvidenceStore(DataFolder(provider)));
        services.AddScoped<TaskWriting>();
        services.AddScoped<SupervisedTasks>();
        services.AddScoped<LifecycleSteps>();
        services.AddScoped<ProgressService>();
        services.AddSingleton<ReportGroupCommit>();
        services.AddScoped<TaskListReader>();
        services.AddScoped<TaskPage>();
        services.AddScoped<DecompositionLists>();
        services.AddScoped<DecompositionImport>();
        services.AddScoped<TaskDirectory>();
        services.AddScoped<TaskLedger>();
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
