using Followthrough.Directives.Documents;
using Followthrough.Directives.Review;
using Followthrough.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Directives;

/// <summary>Source documents, the directives drafted from them and their review into tasks.</summary>
internal static class DirectivesModule
{
    public static IServiceCollection AddDirectives(this IServiceCollection services)
    {
        services.AddSingleton(provider => new DocumentStore(
            DatabaseSettings.DataFolder(provider.GetService<IConfiguration>() ?? new ConfigurationBuilder().AddEnvironmentVariables().Build())));
        services.AddScoped<DocumentIntake>();
        services.AddScoped<DocumentQueries>().AddScoped<Tasks.ITaskSourceQuotes, Documents.DirectiveQuotes>();
        services.AddScoped<CandidateReview>();
        return services;
    }
}
