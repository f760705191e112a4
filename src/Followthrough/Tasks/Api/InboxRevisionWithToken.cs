using System.Data.Common;
using Followthrough.Accounts;
using Microsoft.AspNetCore.Http;

namespace Followthrough.Tasks;

/// <summary>
/// The caller's unit's revision for the inbox, read in the API token's round trip (see <see cref="IReadWithToken"/>):
/// a kept inbox then costs one wait for the database instead of two. Read when the request arrives, before the inbox is
/// looked at, so it serves exactly as the separate read did (<see cref="InboxCache"/>).
/// </summary>
public sealed class InboxRevisionWithToken : IReadWithToken
{
    public const string InboxPath = "/api/v1/tasks/inbox";

    public bool Wants(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HttpMethods.IsGet(request.Method) && request.Path.Equals(InboxPath, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The same rows as <see cref="UnitRevisions.ReadAsync"/>, for the caller's unit, each with that unit's id (so no rows
    /// at all when the token is unknown, and only the names' row for a caller without a unit).
    /// </summary>
    public string Sql =>
        """
        SELECT c.unit_id, r.unit_id, r.revision
        FROM caller c JOIN task_unit_revisions r ON r.unit_id = c.unit_id OR r.unit_id = 0
        """;

    public async Task ReadAsync(DbDataReader reader, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(context);
        int? unit = null;
        long tasks = 0, names = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.IsDBNull(0))
            {
                return; // a caller without a unit has no inbox of its own
            }

            unit = reader.GetInt32(0);
            if (reader.GetInt32(1) == UnitRevisions.NamesRow)
            {
                names = reader.GetInt64(2);
            }
            else
            {
                tasks = reader.GetInt64(2);
            }
        }

        if (unit is not null)
        {
            context.Features.Set(new Kept(unit.Value, new UnitRevision(tasks, names)));
        }
    }

    /// <summary>The unit's revision for this request: the one read with the token when it is that unit's, else read now.</summary>
    public static Task<UnitRevision> ForRequestAsync(
        HttpContext context, int unitId, UnitRevisions revisions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(revisions);
        return context.Features.Get<Kept>() is { } kept && kept.UnitId == unitId
            ? Task.FromResult(kept.Revision)
            : revisions.ReadAsync(unitId, cancellationToken);
    }

    private sealed record Kept(int UnitId, UnitRevision Revision);
}
