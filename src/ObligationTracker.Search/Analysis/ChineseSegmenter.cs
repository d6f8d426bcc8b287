using System.Buffers;
using System.Collections.Frozen;

namespace ObligationTracker.Search.Analysis;

/// <summary>jieba's segmentation (its dictionary, our financial-regulation words, its HMM for unknown words), loaded once.</summary>
/// <remarks>
/// The words are jieba.NET's (<c>JiebaSegmenter.Cut(text, cutAll: false, hmm: true)</c>; a test compares the two over
/// the real corpus), computed from jieba's own files (dict.txt, the HMM tables) but over a <see cref="WordTrie"/> and
/// arrays: jieba.NET allocated strings for every candidate word at every character and a dictionary per character in
/// its HMM, and ran at a quarter of this speed, while segmentation dominates indexing. Loading happens once, behind the
/// lock of a Lazy; afterwards everything here only reads and is safe to call from several threads.
/// </remarks>
internal sealed class ChineseSegmenter
{
    /// <summary>Folder under the program's base directory that the Search project copies jieba's Resources to.</summary>
    public const string ResourceFolder = "jieba";

    /// <summary>Frequency given to our own words: high enough that a term of art beats any split of it.</summary>
    internal const int UserWordFrequency = 50_000;

    /// <summary>Longest word emitted inside a longer one (偿付能力 inside 偿付能力充足率).</summary>
    private const int MaximumInnerWord = 6;

    private static readonly Lazy<ChineseSegmenter> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly WordTrie _words;
    private readonly HanHmm _hmm;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _stop;

    private ChineseSegmenter(WordTrie words, HanHmm hmm, SearchDictionary dictionary)
    {
        _words = words;
        _hmm = hmm;
        Dictionary = dictionary;
        _stop = dictionary.StopWords.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static ChineseSegmenter Instance => Loaded.Value;

    public SearchDictionary Dictionary { get; }

    /// <summary>Search-mode tokens of <paramref name="folded"/> (already <see cref="TextNormalizer"/>-folded):
    /// each word at a new position, then the dictionary words of 2 to 6 characters inside it at the same position.
    /// Punctuation, spaces and stop words are dropped. A token's characters are the folded text's at its offsets.</summary>
    public void Tokenize(string folded, List<SegmentToken> into)
    {
        var ends = new List<int>(folded.Length / 2 + 4);
        // The dictionary words starting at each offset (bit n: one of n characters), which the cut finds anyway.
        var lengths = ArrayPool<byte>.Shared.Rent(folded.Length);
        try
        {
            Array.Clear(lengths, 0, folded.Length);
            Cut(folded, ends, lengths);
            var start = 0;
            foreach (var end in ends)
            {
                var word = folded.AsSpan(start, end - start);
                var at = start;
                start = end;
                if (!IsIndexable(word) || _stop.Contains(word)) continue;
                into.Add(new SegmentToken(at, end, 1));
                for (var n = 2; n <= MaximumInnerWord && n < word.Length; n++)
                {
                    for (var j = at; j + n <= end; j++)
                    {
                        if ((lengths[j] & (1 << n)) != 0 && !_stop.Contains(folded.AsSpan(j, n)))
                            into.Add(new SegmentToken(j, j + n, 0));
                    }
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(lengths);
        }
    }

    /// <summary>Search-mode words of a raw (unfolded) text, for queries and tests.</summary>
    public IReadOnlyList<string> Words(string text, bool innerWords = true)
    {
        var folded = TextNormalizer.Fold(text);
        var tokens = new List<SegmentToken>();
        Tokenize(folded, tokens);
        return tokens.Where(t => innerWords || t.PositionIncrement > 0).Select(t => folded[t.Start..t.End]).ToList();
    }

    /// <summary>Offsets where jieba's words of <paramref name="folded"/> start or end, stop words included.</summary>
    public HashSet<int> Boundaries(string folded)
    {
        var ends = new List<int>();
        Cut(folded, ends);
        return [0, .. ends];
    }

    public bool IsKnownWord(string word) => _words.Contains(word);

    /// <summary>jieba's words of <paramref name="text"/> (precise mode with HMM), as the offset where each one ends.</summary>
    /// <remarks>As jieba: maximal runs of Han characters (U+4E00–U+9FD5), ASCII letters and digits and +#&amp;._%·- are
    /// segmented; any other character is a word by itself (jieba keeps "\r\n" together: neither is indexable).</remarks>
    internal void Cut(string text, List<int> ends) => Cut(text, ends, null);

    /// <param name="lengths">Where given, bit n of lengths[i] is set for each dictionary word of n (2 to 6) characters
    /// at offset i inside a segmented run.</param>
    private void Cut(string text, List<int> ends, byte[]? lengths)
    {
        var route = ArrayPool<double>.Shared.Rent(text.Length + 1);
        var next = ArrayPool<int>.Shared.Rent(text.Length + 1);
        try
        {
            for (var i = 0; i < text.Length;)
            {
                if (!IsBlockChar(text[i]))
                {
                    i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    ends.Add(i);
                    continue;
                }

                var end = i + 1;
                while (end < text.Length && IsBlockChar(text[end])) end++;
                CutBlock(text, i, end, route, next, ends, lengths);
                i = end;
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(route);
            ArrayPool<int>.Shared.Return(next);
        }
    }

    /// <summary>jieba's CutDag over text[start, end): the most probable path through the dictionary words, then the HMM
    /// for each run of single characters that is not itself a word.</summary>
    private void CutBlock(string text, int start, int end, double[] route, int[] next, List<int> ends, byte[]? lengths)
    {
        // Best route from each position to the end, right to left; ties go to the shorter word, as in jieba.
        route[end - start] = 0;
        for (var i = end - 1; i >= start; i--)
        {
            var best = double.MinValue;
            var bestEnd = -1;
            var node = _words.First(text[i]);
            for (var k = i; node != 0;)
            {
                if (WordTrie.IsWord(node))
                {
                    if (lengths is not null && k > i && k - i < MaximumInnerWord) lengths[i] |= (byte)(1 << (k - i + 1));
                    var score = _words.Weight(node) + route[k + 1 - start];
                    if (best < score)
                    {
                        best = score;
                        bestEnd = k;
                    }
                }

                if (++k >= end) break;
                node = _words.Next(node, text[k]);
            }

            if (bestEnd < 0)
            {
                best = _words.UnknownWeight + route[i + 1 - start];
                bestEnd = i;
            }

            route[i - start] = best;
            next[i - start] = bestEnd + 1;
        }

        var single = -1; // start of the pending run of one-character steps
        for (var i = start; i < end;)
        {
            var to = next[i - start];
            if (to - i == 1)
            {
                if (single < 0) single = i;
            }
            else
            {
                if (single >= 0) CutSingles(text, single, i, ends);
                single = -1;
                ends.Add(to);
            }

            i = to;
        }

        if (single >= 0) CutSingles(text, single, end, ends);
    }

    /// <summary>jieba's handling of a run of one-character steps: a known word is split into its characters, an
    /// unknown run goes to its FinalSeg: Han characters to the HMM, which may join them into new words, the rest split
    /// into numbers and Latin words.</summary>
    private void CutSingles(string text, int start, int end, List<int> ends)
    {
        if (end - start > 1 && !_words.Contains(text.AsSpan(start, end - start)))
        {
            for (var i = start; i < end;)
            {
                var han = HanHmm.IsHan(text[i]);
                var runEnd = i + 1;
                while (runEnd < end && HanHmm.IsHan(text[runEnd]) == han) runEnd++;
                if (han) _hmm.Cut(text, i, runEnd, ends);
                else CutLatin(text, i, runEnd, ends);
                i = runEnd;
            }

            return;
        }

        for (var i = start + 1; i <= end; i++) ends.Add(i);
    }

    /// <summary>jieba's FinalSeg split of a run without Han characters (its RegexSkip): each [a-zA-Z0-9]+(\.\d+)?%? is
    /// a word, and so is each stretch between two of them.</summary>
    private static void CutLatin(string text, int start, int end, List<int> ends)
    {
        for (var i = start; i < end;)
        {
            if (!char.IsAsciiLetterOrDigit(text[i]))
            {
                while (i < end && !char.IsAsciiLetterOrDigit(text[i])) i++;
                ends.Add(i);
                continue;
            }

            while (i < end && char.IsAsciiLetterOrDigit(text[i])) i++;
            if (i + 1 < end && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
            {
                i += 2;
                while (i < end && char.IsAsciiDigit(text[i])) i++;
            }

            if (i < end && text[i] == '%') i++;
            ends.Add(i);
        }
    }

    /// <summary>jieba's RegexChineseDefault: [\u4E00-\u9FD5a-zA-Z0-9+#&amp;\._%·\-].</summary>
    private static bool IsBlockChar(char c) =>
        c is (>= '\u4E00' and <= '\u9FD5') or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or '+' or '#' or '&' or '.' or '_' or '%' or '·' or '-';

    private static bool IsIndexable(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
            if (char.IsLetterOrDigit(c)) return true;
        return false;
    }

    private static ChineseSegmenter Load()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, ResourceFolder);
        var dictionaryFile = Path.Combine(dir, "dict.txt");
        if (!File.Exists(dictionaryFile))
            throw new InvalidOperationException(
                $"jieba.NET's dictionaries were not found in {dir}: the ObligationTracker.Search project copies them there at build time.");
        var dictionary = SearchDictionary.Load(dir);
        var words = WordTrie.Load(dictionaryFile, dictionary.UserWords, UserWordFrequency);
        if (words.Total <= 0)
            throw new InvalidOperationException($"jieba.NET's {dictionaryFile} holds no words.");
        return new ChineseSegmenter(words, HanHmm.Load(dir), dictionary);
    }
}
