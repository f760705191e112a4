using Followthrough.Organization;
using Followthrough.Storage;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Accounts;

/// <summary>Sign-in, passwords and personal API tokens: services and the API.</summary>
internal static class AccountsModule
{
    public static IServiceCollection AddAccounts(this IServiceCollection services) =>
        services.AddSingleton<UnknownUserNames>()
            .AddScoped(sp => new AccountService(sp.GetRequiredService<FollowthroughDb>(), sp.GetRequiredService<UnknownUserNames>(),
                sp.GetRequiredService<OrganizationDirectory>(), sp.GetRequiredService<PersonRegistration>()))
            .AddScoped<IPersonSignIns, PersonSignIns>().AddScoped<TokenService>().AddScoped<AccountStandings>().AddScoped<AccountDirectory>();

    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder api) => AccountsApi.Map(api);
}
