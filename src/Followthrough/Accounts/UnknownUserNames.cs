using Microsoft.Extensions.Caching.Memory;

namespace Followthrough.Accounts;

/// <summary>
/// Failed sign-ins counted in memory: with user names that do not exist, locked out exactly like real accounts, so
/// that "locked" never tells a visitor that a name is real; and, for the web form, per user name and client address
/// for real accounts too, so a lock-out holds only for the address that earned it. Bounded: when full, new names are not tracked
/// (they answer "wrong" forever), which costs a guesser more than it gives. Per process, forgotten on restart.
/// </summary>
internal sealed class UnknownUserNames : IDisposable
{
    private const int Capacity = 10_000;
    private readonly MemoryCache _attempts = new(new MemoryCacheOptions { SizeLimit = Capacity });
    private readonly Lock _gate = new();

    /// <summary>When the name is locked out, until when; otherwise null.</summary>
    public DateTime? LockedUntil(string userName, DateTime nowUtc)
    {
        lock (_gate)
        {
            return _attempts.TryGetValue(userName, out Attempts? attempts) && attempts!.LockedUntil > nowUtc
                ? attempts.LockedUntil
                : null;
        }
    }

    /// <summary>Counts one failure; returns the lock-out time when this failure locks the name.</summary>
    public DateTime? Fail(string userName, DateTime nowUtc)
    {
        lock (_gate)
        {
            if (!_attempts.TryGetValue(userName, out Attempts? attempts))
            {
                attempts = new Attempts();
                _attempts.Set(userName, attempts, new MemoryCacheEntryOptions
                {
                    Size = 1,
                    SlidingExpiration = AccountService.LockoutDuration * 2,
                });
            }

            attempts!.Failed++;
            if (attempts.Failed < AccountService.MaxFailedAttempts)
            {
                return null;
            }

            attempts.Failed = 0;
            attempts.LockedUntil = nowUtc + AccountService.LockoutDuration;
            return attempts.LockedUntil;
        }
    }

    public void Dispose() => _attempts.Dispose();

    private sealed class Attempts
    {
        public int Failed { get; set; }

        public DateTime LockedUntil { get; set; }
    }
}
