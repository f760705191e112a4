using System.Threading.RateLimiting;

namespace Followthrough.Web.Security;

/// <summary>
/// Limits on sign-in attempts, per client address and per user name (ASP.NET Core's partitioned rate limiters), so
/// that guessing is slow from one machine and slow against one name from many machines. They answer "wait" (429
/// with Retry-After), which ends by itself; the lock-out after five wrong passwords applies only to the client that
/// made them (see AccountService), so a stranger cannot lock a known person out of their own sign-in.
/// </summary>
public sealed class SignInLimits(SecuritySettings settings) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perClient = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => Options(settings.SignInPerClient, settings.SignInWindow)));

    private readonly PartitionedRateLimiter<string> _perUserName = PartitionedRateLimiter.Create<string, string>(name =>
        RateLimitPartition.GetFixedWindowLimiter(name, _ => Options(settings.SignInPerUserName, settings.SignInWindow)));

    /// <summary>
    /// Counts one attempt. Null when it may go ahead; otherwise how long to wait. A client without an address (only
    /// the in-process test server has none) is limited by user name only.
    /// </summary>
    public TimeSpan? Attempt(string? clientAddress, string userName)
    {
        if (clientAddress is not null && Acquire(_perClient, clientAddress) is { } clientWait)
        {
            return clientWait;
        }

        return Acquire(_perUserName, userName);
    }

    public void Dispose()
    {
        _perClient.Dispose();
        _perUserName.Dispose();
    }

    private static TimeSpan? Acquire(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        return lease.IsAcquired
            ? null
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    private static FixedWindowRateLimiterOptions Options(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };
}
