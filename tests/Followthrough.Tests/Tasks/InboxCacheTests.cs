using Followthrough.Tasks;

namespace Followthrough.Tests.Tasks;

public sealed class InboxCacheTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly object Calendar = new();

    [Fact]
    public void KeptAnswer_IsGiven_OnlyForTheSameRevisionsDayAndCalendar()
    {
        var cache = new InboxCache();
        var key = new InboxKey(new UnitRevision(3, 1), Today, Calendar);
        cache.Remember(7, key, [1, 2, 3]);

        Assert.True(cache.TryGet(7, new InboxKey(new UnitRevision(3, 1), Today, Calendar), out var json));
        Assert.Equal([1, 2, 3], json);
        Assert.False(cache.TryGet(8, key, out _));
        Assert.False(cache.TryGet(7, key with { Revision = new UnitRevision(4, 1) }, out _));
        Assert.False(cache.TryGet(7, key with { Revision = new UnitRevision(3, 2) }, out _));
        Assert.False(cache.TryGet(7, key with { Today = Today.AddDays(1) }, out _));
        Assert.False(cache.TryGet(7, key with { Calendar = new object() }, out _));
    }

    [Fact]
    public void Cache_StartsAgain_RatherThanGrowPastItsBudget()
    {
        var cache = new InboxCache();
        var key = new InboxKey(new UnitRevision(1, 1), Today, Calendar);
        var answer = new byte[InboxCache.MaxBytes / 4];
        for (var unit = 1; unit <= 4; unit++)
        {
            cache.Remember(unit, key, answer);
        }

        cache.Remember(1, key, answer); // replacing one does not count twice
        Assert.Equal(4, cache.Count);

        cache.Remember(5, key, answer);
        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet(5, key, out _));
    }
}
