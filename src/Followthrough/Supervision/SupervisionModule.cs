using Followthrough.Audit;
using Followthrough.Storage;
using Followthrough.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Followthrough.Supervision;

internal static class SupervisionModule
{
    /// <summary>The run, the inbox and the senders: shared by the web host and the command line.</summary>
    public static IServiceCollection AddSupervision(this IServiceCollection services)
    {
        services.AddOptions<SupervisionOptions>().Configure<IServiceProvider>((options, provider) =>
            (provider.GetService<IConfiguration>() ?? new ConfigurationBuilder().AddEnvironmentVariables().Build())
                .GetSection(SupervisionOptions.Section).Bind(options)); // the command line reads Followthrough__Supervision__... variables
        services.AddLogging();
        services.AddLocalization(); // notices are worded in Chinese and English for e-mail, also from the command line
        services.AddSingleton<NoticeWebhookClient>();
        services.AddScoped<NoticeSenders>();
        services.AddScoped<IAuditCheckpointOutlet>(sp => new CheckpointCourier(
            sp.GetRequiredService<IOptions<SupervisionOptions>>(), sp.GetRequiredService<AuditOptions>(), sp.GetRequiredService<NoticeWebhookClient>()));
        services.AddScoped<NoticeWriter>();
        services.AddScoped<SupervisionPasses>();
        services.AddScoped<WorkPass>();
        services.AddScoped<PendingDeliveries>();

        // Public services built on the module's internal parts, which a public constructor cannot name.
        services.AddScoped(sp => new SupervisionRun(
            sp.GetRequiredService<FollowthroughDb>(),
            sp.GetRequiredService<SupervisionPasses>(),
            sp.GetRequiredService<WorkPass>(),
            sp.GetRequiredService<PendingDeliveries>(),
            sp.GetRequiredService<ReportedPeriodSummaries>(),
            sp.GetRequiredService<AuditCheckpoints>(),
            sp.GetRequiredService<IOptions<SupervisionOptions>>(),
            sp.GetRequiredService<ILogger<SupervisionRun>>()));
        services.AddScoped(sp => new NoticeService(
            sp.GetRequiredService<FollowthroughDb>(), sp.GetRequiredService<SupervisedTasks>(), sp.GetRequiredService<NoticeWriter>()));
        return services;
    }

    /// <summary>The daily run inside the web host (off with Followthrough:Supervision:Enabled=false).</summary>
    public static IServiceCollection AddSupervisionBackgroundRun(this IServiceCollection services) =>
        services.AddHostedService<SupervisionHostedService>();
}
