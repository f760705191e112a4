using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Services.Catalogue;

/// <summary>
/// Full-text search of the catalogue that works for Chinese and English alike, by substring of the code and both
/// names: on SQLite the FTS5 trigram index (<c>service_items_search</c>), on PostgreSQL the pg_trgm GIN index over
/// <c>search_text</c>. A trigram index needs at least 3 characters, so shorter queries (两字 such as 营业) fall back to
/// LIKE over the same column, which is small enough to scan.
/// </summary>
internal static class CatalogueSearch
{
    public const int TrigramLength = 3;

    public static async Task<List<int>> MatchingIdsAsync(FollowthroughDb db, string search, CancellationToken cancellationToken)
    {
        var text = search.Trim().ToLowerInvariant();
        var like = "%" + text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal) + "%";
        if (db.Database.IsNpgsql())
        {
            // The GIN trigram index serves LIKE for 3 characters or more; shorter patterns scan, still correct.
            return await db.QueryAsync(
                @"SELECT id FROM service_items WHERE search_text LIKE @like ESCAPE '\'",
                [("@like", like)], r => r.GetInt32(0), cancellationToken);
        }

        if (text.Length >= TrigramLength)
        {
            var phrase = "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            return await db.QueryAsync(
                "SELECT rowid FROM service_items_search WHERE service_items_search MATCH @phrase",
                [("@phrase", phrase)], r => r.GetInt32(0), cancellationToken);
        }

        return await db.QueryAsync(
            @"SELECT id FROM service_items WHERE search_text LIKE @like ESCAPE '\'",
            [("@like", like)], r => r.GetInt32(0), cancellationToken);
    }
}
