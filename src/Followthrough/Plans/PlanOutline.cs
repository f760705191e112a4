using System.Globalization;

namespace Followthrough.Plans;

/// <summary>One node of an outline: an item's id, its parent and its place among its siblings.</summary>
internal readonly record struct OutlineNode(int Id, int? ParentId, int Position);

/// <summary>
/// The shape of a plan's outline: children in order, numbers such as "3.2.1" and a depth-first reading order. Siblings
/// are ordered by position, then by id (so two items with the same position keep a stable order); an item's number is
/// its rank among its siblings, joined to its parent's number. Items whose parent is missing become top-level, and
/// an item caught in a loop of parents is left out, so a damaged outline can still be shown.
/// </summary>
internal sealed class PlanOutline
{
    private static readonly IReadOnlyList<int> None = [];
    private readonly Dictionary<int, List<int>> _children = [];
    private readonly Dictionary<int, string> _numbers = [];
    private readonly Dictionary<int, int> _depths = [];
    private readonly Dictionary<int, int?> _parents = [];
    private readonly List<int> _roots = [];
    private readonly List<int> _order = [];

    public PlanOutline(IEnumerable<OutlineNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var all = nodes.ToDictionary(n => n.Id);
        foreach (var node in all.Values.OrderBy(n => n.Position).ThenBy(n => n.Id))
        {
            var parent = node.ParentId is { } p && all.ContainsKey(p) ? node.ParentId : null;
            _parents[node.Id] = parent;
            if (parent is { } parentId)
            {
                if (!_children.TryGetValue(parentId, out var list))
                {
                    _children[parentId] = list = [];
                }

                list.Add(node.Id);
            }
            else
            {
                _roots.Add(node.Id);
            }
        }

        var stack = new Stack<(int Id, string Number, int Depth)>();
        for (var i = _roots.Count - 1; i >= 0; i--)
        {
            stack.Push((_roots[i], (i + 1).ToString(CultureInfo.InvariantCulture), 0));
        }

        while (stack.Count > 0)
        {
            var (id, number, depth) = stack.Pop();
            _numbers[id] = number;
            _depths[id] = depth;
            _order.Add(id);
            if (_children.TryGetValue(id, out var children))
            {
                for (var i = children.Count - 1; i >= 0; i--)
                {
                    stack.Push((children[i], string.Create(CultureInfo.InvariantCulture, $"{number}.{i + 1}"), depth + 1));
                }
            }
        }
    }

    /// <summary>Top-level items in order.</summary>
    public IReadOnlyList<int> Roots => _roots;

    /// <summary>Every reachable item, depth-first, parents before children.</summary>
    public IReadOnlyList<int> DepthFirst => _order;

    public IReadOnlyList<int> ChildrenOf(int id) => _children.TryGetValue(id, out var list) ? list : None;

    public bool Contains(int id) => _numbers.ContainsKey(id);

    public string NumberOf(int id) => _numbers.TryGetValue(id, out var number) ? number : string.Empty;

    /// <summary>0 for a top-level item.</summary>
    public int DepthOf(int id) => _depths.TryGetValue(id, out var depth) ? depth : 0;

    public int? ParentOf(int id) => _parents.TryGetValue(id, out var parent) ? parent : null;

    /// <summary>The item's ancestors from the top down (not the item itself).</summary>
    public IReadOnlyList<int> AncestorsOf(int id)
    {
        var path = new List<int>();
        for (var parent = ParentOf(id); parent is { } p && path.Count <= _order.Count; parent = ParentOf(p))
        {
            path.Add(p);
        }

        path.Reverse();
        return path;
    }

    /// <summary>The top-level item (chapter) an item belongs to.</summary>
    public int ChapterOf(int id)
    {
        var ancestors = AncestorsOf(id);
        return ancestors.Count == 0 ? id : ancestors[0];
    }
}
