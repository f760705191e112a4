namespace Followthrough.Directives.Extraction;

/// <summary>A keyword found in the text: where, and what it stands for.</summary>
internal readonly record struct KeywordHit<T>(int Start, int End, T Value)
{
    public int Length => End - Start;
}

/// <summary>
/// Finds every occurrence of many keywords in one left-to-right pass (an Aho–Corasick automaton), so the cost
/// is linear in the text however many names, aliases and cue words there are. Matching folds case and
/// full-width forms (<see cref="CharClass.Fold"/>). A keyword that begins or ends with a Latin letter or digit
/// matches only as a whole word at that end, so "port" is not found inside "support".
/// </summary>
internal sealed class KeywordMatcher<T>
{
    private readonly int[] _root = new int[char.MaxValue + 1];
    private readonly int[] _childStart;
    private readonly int[] _childCount;
    private readonly char[] _childChars;
    private readonly int[] _childTargets;
    private readonly int[] _fail;
    private readonly int[] _outStart;
    private readonly int[] _outCount;
    private readonly int[] _outputs;
    private readonly int[] _lengths;
    private readonly bool[] _wordStart;
    private readonly bool[] _wordEnd;
    private readonly T[] _values;
    private readonly int[] _longestTerminal;

    // ASCII runs through a dense table (a true DFA, failure links folded in at build time): English text keeps
    // the automaton inside keyword prefixes nearly all the time, and walking failure links there is the cost.
    private readonly byte[] _asciiColumn = new byte[128];
    private readonly int _columns;
    private readonly int[] _ascii;

    public KeywordMatcher(IEnumerable<KeyValuePair<string, T>> keywords)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        var children = new List<Dictionary<char, int>> { new() };
        var terminal = new List<List<int>> { new() };
        var lengths = new List<int>();
        var values = new List<T>();
        var wordStart = new List<bool>();
        var wordEnd = new List<bool>();
        var seen = new HashSet<(string, T)>();
        foreach (var (keyword, value) in keywords)
        {
            if (string.IsNullOrEmpty(keyword))
            {
                continue;
            }

            var folded = string.Create(keyword.Length, keyword, static (span, k) =>
            {
                for (var i = 0; i < k.Length; i++)
                {
                    span[i] = CharClass.Fold(k[i]);
                }
            });
            if (!seen.Add((folded, value)))
            {
                continue;
            }

            var state = 0;
            foreach (var c in folded)
            {
                if (!children[state].TryGetValue(c, out var next))
                {
                    next = children.Count;
                    children.Add([]);
                    terminal.Add([]);
                    children[state][c] = next;
                }

                state = next;
            }

            terminal[state].Add(values.Count);
            values.Add(value);
            lengths.Add(folded.Length);
            wordStart.Add(CharClass.IsWordChar(folded[0]));
            wordEnd.Add(CharClass.IsWordChar(folded[^1]));
        }

        var count = children.Count;
        _childStart = new int[count];
        _childCount = new int[count];
        _fail = new int[count];
        var chars = new List<char>();
        var targets = new List<int>();
        for (var s = 0; s < count; s++)
        {
            _childStart[s] = chars.Count;
            foreach (var (c, next) in children[s].OrderBy(p => p.Key))
            {
                chars.Add(c);
                targets.Add(next);
            }

            _childCount[s] = chars.Count - _childStart[s];
        }

        _childChars = [.. chars];
        _childTargets = [.. targets];
        foreach (var (c, next) in children[0])
        {
            _root[c] = next;
        }

        // Breadth-first: a state's failure link is the longest proper suffix that is also a prefix; its outputs
        // include those of its failure state, so one lookup per position finds every keyword ending there.
        var outputs = new List<int>[count];
        outputs[0] = [];
        var queue = new Queue<int>();
        foreach (var next in children[0].Values)
        {
            _fail[next] = 0;
            queue.Enqueue(next);
        }

        while (queue.Count > 0)
        {
            var s = queue.Dequeue();
            outputs[s] = [.. terminal[s], .. outputs[_fail[s]] ?? []];
            foreach (var (c, next) in children[s])
            {
                _fail[next] = Step(_fail[s], c);
                queue.Enqueue(next);
            }
        }

        _outStart = new int[count];
        _outCount = new int[count];
        var flat = new List<int>();
        for (var s = 0; s < count; s++)
        {
            _outStart[s] = flat.Count;
            flat.AddRange(outputs[s] ?? []);
            _outCount[s] = flat.Count - _outStart[s];
        }

        var asciiChars = new SortedSet<char>();
        foreach (var child in children)
        {
            foreach (var c in child.Keys)
            {
                if (c < 128)
                {
                    asciiChars.Add(c);
                }
            }
        }

        // Column 0 is every ASCII character no keyword uses: it always leads back to the root.
        _columns = asciiChars.Count + 1;
        var column = 1;
        foreach (var c in asciiChars)
        {
            _asciiColumn[c] = (byte)column++;
        }

        _ascii = new int[count * _columns];
        var order = new Queue<int>();
        order.Enqueue(0);
        while (order.Count > 0)
        {
            var state = order.Dequeue();
            foreach (var c in asciiChars)
            {
                var k = _asciiColumn[c];
                _ascii[(state * _columns) + k] = children[state].TryGetValue(c, out var next)
                    ? next
                    : state == 0 ? 0 : _ascii[(_fail[state] * _columns) + k];
            }

            foreach (var next in children[state].Values)
            {
                order.Enqueue(next);
            }
        }

        // For matching at a given position: the longest keyword that ends exactly at each state.
        _longestTerminal = new int[count];
        for (var state = 0; state < count; state++)
        {
            _longestTerminal[state] = -1;
            foreach (var p in terminal[state])
            {
                if (_longestTerminal[state] < 0 || lengths[p] > lengths[_longestTerminal[state]])
                {
                    _longestTerminal[state] = p;
                }
            }
        }

        _outputs = [.. flat];
        _lengths = [.. lengths];
        _wordStart = [.. wordStart];
        _wordEnd = [.. wordEnd];
        _values = [.. values];
    }

    /// <summary>Adds every keyword found in <c>text[start..end]</c> to <paramref name="hits"/>, ordered by end.</summary>
    public void FindAll(string text, int start, int end, List<KeywordHit<T>> hits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(hits);
        var state = 0;
        var ascii = _ascii;
        var columns = _columns;
        for (var i = start; i < end; i++)
        {
            var c = CharClass.Fold(text[i]);
            state = c < 128 ? ascii[(state * columns) + _asciiColumn[c]] : Step(state, c);
            var n = _outCount[state];
            if (n == 0)
            {
                continue;
            }

            var o = _outStart[state];
            for (var k = 0; k < n; k++)
            {
                var p = _outputs[o + k];
                var hitStart = i + 1 - _lengths[p];
                if (hitStart < start)
                {
                    continue;
                }

                if (_wordStart[p] && hitStart > 0 && CharClass.IsWordChar(text[hitStart - 1]))
                {
                    continue;
                }

                if (_wordEnd[p] && i + 1 < text.Length && CharClass.IsWordChar(text[i + 1]))
                {
                    continue;
                }

                hits.Add(new KeywordHit<T>(hitStart, i + 1, _values[p]));
            }
        }
    }

    /// <summary>
    /// The longest keyword that starts exactly at <paramref name="at"/> (and ends by <paramref name="end"/>), if
    /// any: one walk down the trie, no failure links, so it costs the length of the match.
    /// </summary>
    public KeywordHit<T>? LongestAt(string text, int at, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        var state = 0;
        var best = -1;
        var bestEnd = 0;
        for (var i = at; i < end; i++)
        {
            var c = CharClass.Fold(text[i]);
            var next = state == 0 ? _root[c] : Child(state, c);
            if (next <= 0)
            {
                break;
            }

            state = next;
            var p = _longestTerminal[state];
            if (p < 0)
            {
                continue;
            }

            if (_wordStart[p] && at > 0 && CharClass.IsWordChar(text[at - 1]))
            {
                continue;
            }

            if (_wordEnd[p] && i + 1 < text.Length && CharClass.IsWordChar(text[i + 1]))
            {
                continue;
            }

            best = p;
            bestEnd = i + 1;
        }

        return best < 0 ? null : new KeywordHit<T>(at, bestEnd, _values[best]);
    }

    /// <summary>
    /// Keeps the leftmost, then longest, of overlapping hits: "Municipal Finance Bureau" wins over "Finance
    /// Bureau", and a name is never reported twice for one stretch of text.
    /// </summary>
    public static void KeepLongest(List<KeywordHit<T>> hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        if (hits.Count < 2)
        {
            return;
        }

        hits.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var kept = 0;
        var reach = -1;
        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            if (hit.Start < reach)
            {
                // Overlaps the one kept before: keep the later one only if it is strictly longer and starts inside.
                var last = hits[kept - 1];
                if (hit.End - hit.Start > last.End - last.Start && hit.End > last.End)
                {
                    hits[kept - 1] = hit;
                    reach = hit.End;
                }

                continue;
            }

            hits[kept++] = hit;
            reach = hit.End;
        }

        hits.RemoveRange(kept, hits.Count - kept);
    }

    private int Child(int state, char c)
    {
        var lo = _childStart[state];
        var hi = lo + _childCount[state];
        for (var i = lo; i < hi; i++)
        {
            var ch = _childChars[i];
            if (ch == c)
            {
                return _childTargets[i];
            }

            if (ch > c)
            {
                break;
            }
        }

        return -1;
    }

    private int Step(int state, char c)
    {
        while (true)
        {
            if (state == 0)
            {
                return _root[c];
            }

            var lo = _childStart[state];
            var hi = lo + _childCount[state];
            for (var i = lo; i < hi; i++)
            {
                var ch = _childChars[i];
                if (ch == c)
                {
                    return _childTargets[i];
                }

                if (ch > c)
                {
                    break;
                }
            }

            state = _fail[state];
        }
    }
}
