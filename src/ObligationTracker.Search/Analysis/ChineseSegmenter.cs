using System.Buffers;
using System.Collections.Frozen;

namespace ObligationTracker.Search.Analysis;

/// <summary>jieba's segmentation (its dictionary, our financial-regulation words, its HMM for unknown words), loaded once.</summary>
/// <remarks>
/// The words are jieba.NET's (<c>JiebaSegmenter.Cut(text, cutAll: false, hmm: true)</c>; a test compares the two over
/// the real corpus), cut by <see cref="JiebaCut"/> from jieba's own files. Loading happens once, behind the lock of a
/// Lazy; afterwards everything here only reads and is safe to call from several threads.
/// </remarks>
internal sealed class ChineseSegmenter
{
    /// <summary>Folder under the program's base directory that the Search project copies jieba's Resources to.</summary>
    public const string ResourceFolder = "jieba";

    /// <summary>Frequency given to our own words: high enough that a term of art beats any split of it.</summary>
    internal const int UserWordFrequency = 50_000;

    /// <summary>Longest word emitted inside a longer one (偿付能力 inside 偿付能力充足率).</summary>
    private const int MaximumInnerWord = JiebaCut.MaximumInnerWord;

    private static readonly Lazy<ChineseSegmenter> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly JiebaCut _cut;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _stop;

    private ChineseSegmenter(JiebaCut cut, SearchDictionary dictionary)
    {
        _cut = cut;
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
            _cut.Cut(folded, ends, lengths);
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
        _cut.Cut(folded, ends, null);
        return [0, .. ends];
    }

    public bool IsKnownWord(string word) => _cut.Words.Contains(word);

    /// <summary>jieba's words of <paramref name="text"/>, as the offset where each one ends.</summary>
    internal void Cut(string text, List<int> ends) => _cut.Cut(text, ends, null);

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
        return new ChineseSegmenter(new JiebaCut(words, HanHmm.Load(dir)), dictionary);
    }
}
