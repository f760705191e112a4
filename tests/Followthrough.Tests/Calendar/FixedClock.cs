namespace Followthrough.Tests.Calendar;

/// <summary>A clock stopped at one instant, for rules that depend on the date.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
