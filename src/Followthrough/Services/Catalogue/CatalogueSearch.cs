using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Services.Catalogue;

/// <summary>
/// Full-text search of the catalogue that works for Chinese and English alike, by substring of the code and both
/// names: on SQLite the FTS5 trigram index (<c>service_items_search</c>), on PostgreSQL the pg_trgm GIN index over
/// <c>search_text</c>. A trigram index needs at least 3 characters, so shorter queries (两字 such as 营业) fall back to
/// LIKE over the same column, which is small enough to scan.
/// </summary>
/// <remarks>
/// The search narrows the same query as the filters, so the count and the page are one statement each (issue 15):
/// LIKE goes into that statement (PostgreSQL's planner takes the GIN index for it at 3 characters or more); only
/// SQLite's FTS5 match is read first, and its ids go back as one array parameter (json_each), never one parameter per
/// id — a common word matches hundreds of items.
/// </remarks>
internal static class CatalogueSearch
{
    public const int TrigramLength = 3;

    public static async Task<IQueryable<ServiceItem>> WhereMatchingAsync(
        FollowthroughDb db, IQueryable<ServiceItem> items, string search, CancellationToken cancellationToken)
    {
        var text = search.Trim().ToLowerInvariant();
        if (!db.Database.IsNpgsql() && text.Length >= TrigramLength)
        {
            var phrase = "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            var ids = await db.QueryAsync(
                "SELECT rowid FROM service_items_search WHERE service_items_search MATCH @phrase",
                [("@phrase", phrase)], r => r.GetInt32(0), cancellationToken);
            return items.Where(i => EF.Parameter(ids).Contains(i.Id));
        }

        var like = "%" + text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal) + "%";
        return items.Where(i => EF.Functions.Like(i.SearchText, like, @"\"));
    }
}
