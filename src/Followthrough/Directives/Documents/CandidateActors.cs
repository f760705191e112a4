using System.Globalization;

namespace Followthrough.Directives.Documents;

/// <summary>An actor the engine found in a candidate: where it is in the document's text and the unit code it matched, if any.</summary>
internal sealed record CandidateActor(int Start, int End, string? Unit);

/// <summary>A candidate's actors are few and read together, so they are kept as one short text column.</summary>
internal static class CandidateActors
{
    public static string Join(IEnumerable<CandidateActor> actors) =>
        string.Join('|', actors.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Start}-{a.End}:{a.Unit}")));

    public static IReadOnlyList<CandidateActor> Parse(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return [];
        }

        var actors = new List<CandidateActor>();
        foreach (var part in stored.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            if (colon < 0 || dash < 0 || dash > colon)
            {
                continue;
            }

            var start = int.Parse(part.AsSpan(0, dash), CultureInfo.InvariantCulture);
            var end = int.Parse(part.AsSpan(dash + 1, colon - dash - 1), CultureInfo.InvariantCulture);
            var unit = part[(colon + 1)..];
            actors.Add(new CandidateActor(start, end, unit.Length == 0 ? null : unit));
        }

        return actors;
    }

    public static IReadOnlyList<int> ParseIds(string? stored) =>
        string.IsNullOrEmpty(stored)
            ? []
            : [.. stored.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];

    public static string JoinIds(IEnumerable<int> ids) =>
        string.Join(',', ids.Distinct().Select(i => i.ToString(CultureInfo.InvariantCulture)));
}
