using System.Data.Common;
using Microsoft.AspNetCore.Http;

namespace Followthrough.Accounts;

/// <summary>
/// A small read another module needs on some API calls, sent in the same round trip as the API token's own read, so
/// such a call waits for the database once instead of twice (the inbox: its unit's revision). Accounts knows nothing
/// of what is read: the module supplies the statement and keeps the answer for the rest of the request (e.g. in
/// <see cref="HttpContext.Features"/>). Both statements run when the request arrives, so the answer is as fresh as a
/// read made later in the request; a refused token is refused as before, whatever the second statement found.
/// </summary>
public interface IReadWithToken
{
    /// <summary>Whether this request needs the read; decided before anything is read (method and path only).</summary>
    bool Wants(HttpRequest request);

    /// <summary>
    /// One SELECT, the same on SQLite and PostgreSQL. It may use <c>caller</c>: one row, <c>caller.unit_id</c>, the unit
    /// of the person whose token was presented (NULL for a person without one; no row for an unknown token).
    /// </summary>
    string Sql { get; }

    /// <summary>Reads the statement's rows and keeps what the request needs.</summary>
    Task ReadAsync(DbDataReader reader, HttpContext context, CancellationToken cancellationToken);
}
