namespace Followthrough.Plans.Files;

/// <summary>The outline of a plan's items after an import, where the file's items take the place of stored ones.</summary>
internal static class ItemOutline
{
    /// <summary>The kind of every item after the import, by code.</summary>
    public static Dictionary<string, PlanItemKind> KindsAfterImport(ExistingPlan existing, IReadOnlyList<ItemDraft> items)
    {
        var kinds = existing.Items.ToDictionary(i => i.Key, i => i.Value.Kind, StringComparer.Ordinal);
        foreach (var item in items)
        {
            kinds[item.Code] = item.Kind;
        }

        return kinds;
    }

    /// <summary>Every code that lies on a loop of parents, with the loop written out ("A → B → A").</summary>
    public static Dictionary<string, string> CycleMembers(Dictionary<string, string?> parents)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in parents.Keys)
        {
            var path = new List<string>();
            var onPath = new Dictionary<string, int>(StringComparer.Ordinal);
            string? at = start;
            while (at is not null && !done.Contains(at) && parents.ContainsKey(at))
            {
                if (onPath.TryGetValue(at, out var index))
                {
                    var loop = path.Skip(index).ToList();
                    var text = string.Join(" → ", loop.Append(loop[0]));
                    foreach (var member in loop)
                    {
                        result[member] = text;
                    }

                    break;
                }

                onPath[at] = path.Count;
                path.Add(at);
                at = parents[at];
            }

            done.UnionWith(path);
        }

        return result;
    }
}
