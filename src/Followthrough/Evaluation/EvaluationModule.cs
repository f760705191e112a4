using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Evaluation;

internal static class EvaluationModule
{
    public static IServiceCollection AddEvaluation(this IServiceCollection services)
    {
        services.AddScoped<BulletinBuilder>();
        services.AddScoped<EvaluationService>();
        return services;
    }
}
