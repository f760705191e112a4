using System.Text.RegularExpressions;

namespace Followthrough.Tests.Architecture;

/// <summary>The modules' dependency graph, as the code has it and as docs/architecture.md draws it.</summary>
public static partial class ModuleGraph
{
    /// <summary>Module → the modules it uses (the composition root left out: it uses them all, by design; and, for
    /// the picture, the foundations every module may use).</summary>
    public static SortedDictionary<string, SortedSet<string>> Actual(bool withFoundations = true)
    {
        var graph = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var d in ModuleMap.CrossModule.Where(d => d.From != ModuleMap.CompositionRoot
            && (withFoundations || !(ModuleMap.Foundations.Contains(d.From) || ModuleMap.Foundations.Contains(d.To)))))
        {
            if (!graph.TryGetValue(d.From, out var targets))
            {
                graph[d.From] = targets = new SortedSet<string>(StringComparer.Ordinal);
            }

            targets.Add(d.To);
        }

        return graph;
    }

    /// <summary>The edges "A --> B" of the first mermaid block after the heading "Module dependencies".</summary>
    public static HashSet<string> Drawn(string markdown)
    {
        var start = markdown.IndexOf("```mermaid", markdown.IndexOf("Module dependencies", StringComparison.Ordinal), StringComparison.Ordinal);
        var end = markdown.IndexOf("```", start + 3, StringComparison.Ordinal);
        return [.. Edge().Matches(markdown[start..end]).Select(m => $"{m.Groups[1].Value} --> {m.Groups[2].Value}")];
    }

    /// <summary>A cycle as the modules along it (the first repeated at the end), or null when there is none.</summary>
    public static List<string>? FindCycle(SortedDictionary<string, SortedSet<string>> graph)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var module in graph.Keys)
        {
            if (Visit(module) is { } cycle)
            {
                return cycle;
            }
        }

        return null;

        List<string>? Visit(string module)
        {
            if (state.GetValueOrDefault(module) == 2)
            {
                return null;
            }

            if (state.GetValueOrDefault(module) == 1)
            {
                return [.. path.SkipWhile(m => m != module), module];
            }

            state[module] = 1;
            path.Add(module);
            foreach (var next in graph.GetValueOrDefault(module) ?? [])
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[module] = 2;
            return null;
        }
    }

    /// <summary>For each step of a cycle, a few of the uses that make it, so the message says what to move.</summary>
    public static IEnumerable<string> Witnesses(IReadOnlyList<string> cycle) =>
        cycle.Zip(cycle.Skip(1)).SelectMany(step => ModuleMap.CrossModule
            .Where(d => d.From == step.First && d.To == step.Second)
            .Select(d => $"  {d.From} -> {d.To}: {d.Source} uses {d.Target}")
            .Distinct()
            .Take(5));

    [GeneratedRegex(@"^\s*([A-Za-z]+)\s*-->\s*([A-Za-z]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex Edge();
}
