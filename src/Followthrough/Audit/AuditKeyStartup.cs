using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Followthrough.Audit;

/// <summary>
/// On the web host's start: makes the key file on first start (so a key that cannot be written stops the start, not
/// the first save), or warns that the trail is unkeyed when no key is configured.
/// </summary>
internal sealed partial class AuditKeyStartup(AuditKeyRing keys, ILogger<AuditKeyStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (keys.Current is { } key)
        {
            LogKeyed(logger, key.Id, keys.Source);
        }
        else
        {
            LogUnkeyed(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "The audit trail is keyed with {KeyId} from {Source}.")]
    private static partial void LogKeyed(ILogger logger, string keyId, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No audit key is configured (Followthrough:Audit:KeyFile): the audit trail is chained with plain "
        + "SHA-256, which anyone who can write the database can recompute. See the audit trail section of docs/security.md.")]
    private static partial void LogUnkeyed(ILogger logger);
}
