using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Supervision;

public static class SupervisionModule
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
        services.AddScoped<SupervisionRun>();
        services.AddScoped<NoticeService>();
        return services;
    }

    /// <summary>The daily run inside the web host (off with Followthrough:Supervision:Enabled=false).</summary>
    public static IServiceCollection AddSupervisionBackgroundRun(this IServiceCollection services) =>
        services.AddHostedService<SupervisionHostedService>();
}
