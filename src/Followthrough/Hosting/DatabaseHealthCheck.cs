using Followthrough.Web;
using Followthrough.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Followthrough.Hosting;

/// <summary>Ready means the database answers.</summary>
internal sealed class DatabaseHealthCheck(FollowthroughDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
