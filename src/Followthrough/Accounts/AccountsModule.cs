using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Accounts;

public static class AccountsModule
{
    public static IServiceCollection AddAccounts(this IServiceCollection services) =>
        services.AddScoped<AccountService>().AddScoped<TokenService>();

    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder api) => api;
}
