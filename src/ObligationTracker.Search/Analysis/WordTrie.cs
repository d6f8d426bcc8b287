using System.Globalization;
using System.Numerics;

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
    /// <summary>First character → handle; the root level is the busiest, so it is an array.</summary>
    private readonly int[] _first;

    /// <summary>Open addressing, one ulong a slot: key (node &lt;&lt; 16 | next character) in the high 40 bits, the child's
    /// handle in the low 24; 0 is empty. One random memory access a step: the trie is walked at every character of
    /// every text, and its 10 MB do not stay in cache beside the index writer's tables.</summary>
    private readonly ulong[] _slots;

    private readonly int _shift;

    /// <summary>Per node: log(count) − log(total); NaN where the prefix is not a word (count 0).</summary>
    private readonly double[] _weight;

    private WordTrie(int[] first, ulong[] slots, double[] weight, double total)
    {
        _first = first;
        _slots = slots;
        _shift = 64 - BitOperations.Log2((uint)slots.Length);
        _weight = weight;
        Total = total;
        UnknownWeight = Math.Log(1) - Math.Log(total);
    }

    /// <summary>Sum of the counts, as jieba keeps it.</summary>
    public double Total { get; }

    /// <summary>What jieba gives a single character that is no word: a count of 1.</summary>
    public double UnknownWeight { get; }

    /// <summary>The handle of a one-character prefix, or 0 where no word starts with it.</summary>
    /// <remarks>A handle is node &lt;&lt; 1 | (1 where the prefix is a word).</remarks>
    public int First(char c) => _first[c];

    /// <summary>The handle of <paramref name="handle"/>'s prefix followed by <paramref name="c"/>, or 0.</summary>
    public int Next(int handle, char c)
    {
        var key = ((ulong)(uint)(handle >> 1) << 16) | c;
        var mask = _slots.Length - 1;
        for (var i = (int)((key * 0x9E3779B97F4A7C15UL) >> _shift); ; i = (i + 1) & mask)
        {
            var slot = _slots[i];
            if (slot == 0) return 0;
            if (slot >> 24 == key) return (int)(slot & 0xFFFFFF);
        }
    }

    /// <summary>Whether the handle's prefix is a word (a positive count).</summary>
    public static bool IsWord(int handle) => (handle & 1) != 0;

    /// <summary>log(count) − log(total) of the handle's word.</summary>
    public double Weight(int handle) => _weight[handle >> 1];

    public bool Contains(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty) return false;
        var handle = _first[word[0]];
        for (var i = 1; i < word.Length && handle != 0; i++) handle = Next(handle, word[i]);
        return IsWord(handle);
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
        private readonly int[] _first = new int[char.MaxValue + 1]; // node, 0 = none
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
            if (_count.Count >= 1 << 23) throw new InvalidOperationException("jieba's dictionary has outgrown the trie's 23-bit node numbers.");
            var logTotal = Math.Log(_total);
            var weight = new double[_count.Count];
            for (var i = 0; i < weight.Length; i++)
                weight[i] = _count[i] > 0 ? Math.Log(_count[i]) - logTotal : double.NaN;

            var first = new int[_first.Length];
            for (var c = 0; c < first.Length; c++) first[c] = Handle(_first[c]);

            // At most 70% full, so a probe rarely goes past the first slot.
            var size = (int)BitOperations.RoundUpToPowerOf2((uint)(_next.Count * 10 / 7 + 1));
            var slots = new ulong[size];
            var shift = 64 - BitOperations.Log2((uint)size);
            foreach (var (key, child) in _next)
            {
                var i = (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> shift);
                while (slots[i] != 0) i = (i + 1) & (size - 1);
                slots[i] = ((ulong)key << 24) | (uint)Handle(child);
            }

            return new WordTrie(first, slots, weight, _total);
        }

        private int Handle(int node) => node == 0 ? 0 : (node << 1) | (_count[node] > 0 ? 1 : 0);

        private int NodeOf(string word)
        {
            ref var first = ref _first[word[0]];
            if (first == 0) first = NewNode();
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
