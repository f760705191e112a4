using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Followthrough.Tasks;

/// <summary>
/// The last inbox answered for each unit, kept while nothing it shows has changed. An entry is used only when its key
/// matches exactly: the unit's revision and the names' revision read from the database for this request (so a change
/// made by any writer or any web instance is seen at once), today's date, and the working-day calendar in use. The
/// revisions are read before the inbox is built, so an entry is never older than its key.
/// </summary>
internal sealed class InboxCache
{
    /// <summary>
    /// An answer is at most four lists of 50 rows (about 100 KB); a city's few hundred units fit many times over.
    /// Past this the cache starts again rather than grow.
    /// </summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    private readonly ConcurrentDictionary<int, (InboxKey Key, byte[] Json)> _entries = new();
    private long _bytes;

    /// <summary>The inbox as the API writes it (UTF-8 JSON), kept under its key.</summary>
    /// <summary>Units with an answer kept (for tests and diagnostics).</summary>
    public int Count => _entries.Count;

    public bool TryGet(int unitId, InboxKey key, out byte[] json)
    {
        if (_entries.TryGetValue(unitId, out var entry) && entry.Key == key)
        {
            json = entry.Json;
            return true;
        }

        json = [];
        return false;
    }

    public void Remember(int unitId, InboxKey key, byte[] json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var replaced = _entries.TryGetValue(unitId, out var previous) ? previous.Json.Length : 0;
        if (Interlocked.Add(ref _bytes, json.Length - replaced) > MaxBytes) // (an estimate under races; only a bound)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _bytes, json.Length);
        }

        _entries[unitId] = (key, json);
    }
}

/// <summary>
/// An inbox already written as JSON: sent as it is, with the same content type as <c>Ok&lt;InboxDto&gt;</c> (which
/// the API declares, and which produced these bytes with the same serializer options).
/// </summary>
internal sealed class CachedInboxJson(byte[] json) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        httpContext.Response.ContentLength = json.Length;
        return httpContext.Response.Body.WriteAsync(json, httpContext.RequestAborted).AsTask();
    }
}

/// <summary>What an inbox depends on besides its rows: see <see cref="InboxCache"/>.</summary>
internal sealed record InboxKey(UnitRevision Revision, DateOnly Today, object Calendar);
