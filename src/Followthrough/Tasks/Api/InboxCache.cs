using System.Collections.Concurrent;

namespace Followthrough.Tasks;

/// <summary>
/// The last inbox answered for each unit, kept while nothing it shows has changed. An entry is used only when its key
/// matches exactly: the unit's revision and the names' revision read from the database for this request (so a change
/// made by any writer or any web instance is seen at once), today's date, and the working-day calendar in use. The
/// revisions are read before the inbox is built, so an entry is never older than its key.
/// </summary>
public sealed class InboxCache
{
    /// <summary>More entries than units in any city: past this the cache starts again rather than grow.</summary>
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<int, (InboxKey Key, InboxDto Inbox)> _entries = new();

    public bool TryGet(int unitId, InboxKey key, out InboxDto inbox)
    {
        if (_entries.TryGetValue(unitId, out var entry) && entry.Key == key)
        {
            inbox = entry.Inbox;
            return true;
        }

        inbox = null!;
        return false;
    }

    public void Remember(int unitId, InboxKey key, InboxDto inbox)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[unitId] = (key, inbox);
    }
}

/// <summary>What an inbox depends on besides its rows: see <see cref="InboxCache"/>.</summary>
public sealed record InboxKey(UnitRevision Revision, DateOnly Today, object Calendar);
