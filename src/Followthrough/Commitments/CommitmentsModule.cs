using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Commitments;

internal static class CommitmentsModule
{
    public static IServiceCollection AddCommitments(this IServiceCollection services)
    {
        services.AddScoped<CommitmentQueries>();
        return services;
    }
}
