using Followthrough.Hosting;
using Followthrough.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Demo;

/// <summary>The demo's services, registered by the entry points that offer it (the web host's first start, <c>demo load</c>).</summary>
public static class DemoServices
{
    public static IServiceCollection AddFollowthroughDemo(this IServiceCollection services)
    {
        // The loader's constructor takes the demo's own writers, which are internal.
        services.AddScoped(sp => new DemoLoader(sp.GetRequiredService<Storage.FollowthroughDb>(), sp.GetRequiredService<Accounts.AccountService>(),
            sp.GetRequiredService<DemoTasks>(), sp.GetRequiredService<DemoCommitments>(), sp.GetRequiredService<DemoDocuments>(), sp.GetRequiredService<DemoCatalogue>(), sp.GetRequiredService<DemoApplications>(),
            sp.GetRequiredService<DemoNeeds>()));
        services.AddScoped<IDemoData>(sp => sp.GetRequiredService<DemoLoader>());
        services.AddScoped<DemoTasks>();
        services.AddScoped<DemoCommitments>();
        services.AddScoped<DemoDocuments>();
        services.AddScoped<DemoCatalogue>();
        services.AddScoped<DemoApplications>();
        services.AddScoped<DemoAutoApproval>();
        services.AddScoped<DemoServiceHistory>();
        services.AddScoped<DemoBundles>();
        services.AddScoped<DemoRatings>();
        services.AddScoped<DemoNeeds>();
        return services;
    }
}
