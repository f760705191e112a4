using Followthrough.Directives.Extraction;
using Followthrough.Plans;

namespace Followthrough.Directives.Documents;

/// <summary>
/// Suggests the plan item a directive serves: the first item (in plan order) whose text touches the directive's
/// first field of work (ecology, innovation, ...) by the extraction engine's own topic map. A suggestion only;
/// the clerk confirms or changes it.
/// </summary>
internal sealed class PlanSuggestions
{
    private readonly Dictionary<string, int> _byTopic = new(StringComparer.Ordinal);

    /// <summary>Learns the topics of the plan items, given in plan order (the first item of a topic wins).</summary>
    public static PlanSuggestions From(IReadOnlyList<PlanItemEntry> items)
    {
        var suggestions = new PlanSuggestions();
        foreach (var item in items)
        {
            var text = item.TextZh + "\n" + item.TextEn;
            foreach (var topic in TopicMap.Of(text, new TextSpan(0, text.Length)))
            {
                suggestions._byTopic.TryAdd(topic, item.Id);
            }
        }

        return suggestions;
    }

    public int? For(IReadOnlyList<string> topics)
    {
        foreach (var topic in topics)
        {
            if (_byTopic.TryGetValue(topic, out var id))
            {
                return id;
            }
        }

        return null;
    }
}
