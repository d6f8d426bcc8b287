using System.Globalization;

namespace ObligationTracker.Search.Analysis;

/// <summary>jieba's prefix dictionary as a character trie: which words start at a position of a text, and the
/// log-probability jieba gives each; immutable once built.</summary>
/// <remarks>
/// Built exactly as jieba.NET's WordDictionary is (dict.txt's words with their counts, a later line of a word
/// overriding its count but adding to the total; then our words at a fixed count), so segmenting over it gives
/// jieba's words. Walking a trie over the text's characters replaces jieba's lookup of a new substring for every
/// prefix tried, which allocated a string per character per candidate word.
/// </remarks>
internal sealed class WordTrie
{
    private const int NoNode = 0;

    /// <summary>First character → node; the root level is the busiest, so it is an array.</summary>
    private readonly int[] _first;

    /// <summary>(node &lt;&lt; 16 | next character) → node, for the deeper levels.</summary>
    private readonly Dictionary<long, int> _next;

    /// <summary>Per node: log(count) − log(total), or NaN where the prefix is not a word (count 0).</summary>
    private readonly double[] _weight;

    private WordTrie(int[] first, Dictionary<long, int> next, double[] weight, double total)
    {
        _first = first;
        _next = next;
        _weight = weight;
        Total = total;
        UnknownWeight = Math.Log(1) - Math.Log(total);
    }

    /// <summary>Sum of the counts, as jieba keeps it.</summary>
    public double Total { get; }

    /// <summary>What jieba gives a single character that is no word: a count of 1.</summary>
    public double UnknownWeight { get; }

    /// <summary>The node of a one-character prefix, or 0.</summary>
    public int First(char c) => _first[c];

    /// <summary>The node of <paramref name="node"/>'s prefix followed by <paramref name="c"/>, or 0.</summary>
    public int Next(int node, char c) => _next.TryGetValue(((long)node << 16) | c, out var child) ? child : NoNode;

    /// <summary>Whether the node's prefix is a word (a positive count).</summary>
    public bool IsWord(int node) => !double.IsNaN(_weight[node]);

    /// <summary>log(count) − log(total) of the node's word.</summary>
    public double Weight(int node) => _weight[node];

    public bool Contains(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty) return false;
        var node = _first[word[0]];
        for (var i = 1; i < word.Length && node != NoNode; i++) node = Next(node, word[i]);
        return node != NoNode && IsWord(node);
    }

    /// <summary>Reads jieba's dict.txt ("word count tag" a line) and adds <paramref name="userWords"/> at <paramref name="userCount"/>.</summary>
    public static WordTrie Load(string dictionaryFile, IEnumerable<string> userWords, int userCount)
    {
        var builder = new Builder();
        foreach (var line in File.ReadLines(dictionaryFile))
        {
            var cells = line.Split(' ');
            if (cells.Length < 2) continue;
            builder.Set(cells[0], int.Parse(cells[1], CultureInfo.InvariantCulture), replacing: false);
        }

        foreach (var word in userWords) builder.Set(word, userCount, replacing: true);
        return builder.Build();
    }

    private sealed class Builder
    {
        private readonly int[] _first = new int[char.MaxValue + 1];
        private readonly Dictionary<long, int> _next = new();
        private readonly List<int> _count = [0]; // node 0 is "no node"
        private double _total;

        /// <summary>As jieba: dict.txt adds every line's count to the total; AddWord first takes a word's old count out.</summary>
        public void Set(string word, int count, bool replacing)
        {
            if (word.Length == 0) return;
            var node = NodeOf(word);
            if (replacing && _count[node] > 0) _total -= _count[node];
            _count[node] = count;
            _total += count;
        }

        public WordTrie Build()
        {
            var logTotal = Math.Log(_total);
            var weight = new double[_count.Count];
            for (var i = 0; i < weight.Length; i++)
                weight[i] = _count[i] > 0 ? Math.Log(_count[i]) - logTotal : double.NaN;
            return new WordTrie(_first, _next, weight, _total);
        }

        private int NodeOf(string word)
        {
            ref var first = ref _first[word[0]];
            if (first == NoNode) first = NewNode();
            var node = first;
            for (var i = 1; i < word.Length; i++)
            {
                var key = ((long)node << 16) | word[i];
                if (!_next.TryGetValue(key, out var child)) _next[key] = child = NewNode();
                node = child;
            }

            return node;
        }

        private int NewNode()
        {
            _count.Add(0);
            return _count.Count - 1;
        }
    }
}
