using Followthrough.Web;
using Followthrough.Accounts;
using Followthrough.Audit;
using Followthrough.Calendar;
using Followthrough.Commitments;
using Followthrough.Evaluation;
using Followthrough.Directives;
using Followthrough.Needs;
using Followthrough.Organization;
using Followthrough.Plans;
using Followthrough.Ratings;
using Followthrough.Services;
using Followthrough.Storage;
using Followthrough.Supervision;
using Followthrough.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Hosting;

/// <summary>The services every entry point shares: the web host, the CLI and background jobs.</summary>
public static class FollowthroughCore
{
    public static IServiceCollection AddFollowthroughCore(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddFollowthroughStorage(settings);
        services.AddAudit();
        services.AddAccounts();
        services.AddOrganization();
        services.AddCalendar();
        services.AddPlans();
        services.AddTasks();
        services.AddSupervision();
        services.AddEvaluation();
        services.AddCommitments();
        services.AddDirectives();
        services.AddServices();
        services.AddRatings();
        services.AddNeeds();
        return services;
    }
}
