using Followthrough.Storage;

namespace Followthrough.Organization;

/// <summary>
/// How often the names of units and people have changed, counted by Organization's own triggers (migration 0015) so
/// that every writer moves it. Another module that keeps an answer showing names (a unit's inbox) compares it first.
/// </summary>
public sealed class DirectoryRevision(HandWrittenSql.RequestReads sql)
{
    /// <summary>
    /// The count as a scalar SQL expression that Organization publishes and keeps, so that a module reading its own
    /// revision on every request (the inbox) can send both in one statement instead of two: on PostgreSQL, where the
    /// server shares the host's cores, a statement per request is what the inbox pays for (bench/RESULTS.md). The
    /// caller embeds it as it is; it never names Organization's table itself. NULL when the count has no row yet.
    /// </summary>
    public const string ReadExpression = "(SELECT revision FROM organization_revision WHERE id = 1)";

    /// <summary>One primary-key read, cheap enough for every request.</summary>
    public Task<long> ReadAsync(CancellationToken cancellationToken = default) =>
        sql.ReadAsync(
            "SELECT revision FROM organization_revision WHERE id = 1",
            [],
            async (reader, token) => await reader.ReadAsync(token) ? reader.GetInt64(0) : 0L,
            cancellationToken);
}
