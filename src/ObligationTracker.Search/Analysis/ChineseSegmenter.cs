using JiebaNet.Segmenter;

namespace ObligationTracker.Search.Analysis;

/// <summary>jieba.NET loaded once with its dictionaries from the output folder and our financial-regulation words.</summary>
/// <remarks>
/// jieba keeps its dictionary in static state that is filled on first use and changed by AddWord: loading is not
/// thread-safe, so it happens once, behind the lock of a Lazy. After loading, segmentation only reads and is safe
/// to call from several threads.
/// </remarks>
internal sealed class ChineseSegmenter
{
    /// <summary>Folder under the program's base directory that the Search project copies jieba's Resources to.</summary>
    public const string ResourceFolder = "jieba";

    /// <summary>Frequency given to our own words: high enough that a term of art beats any split of it.</summary>
    private const int UserWordFrequency = 50_000;

    /// <summary>Longest word emitted inside a longer one (偿付能力 inside 偿付能力充足率).</summary>
    private const int MaximumInnerWord = 6;

    private static readonly Lazy<ChineseSegmenter> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly JiebaSegmenter _jieba;

    private ChineseSegmenter(JiebaSegmenter jieba, SearchDictionary dictionary)
    {
        _jieba = jieba;
        Dictionary = dictionary;
    }

    public static ChineseSegmenter Instance => Loaded.Value;

    public SearchDictionary Dictionary { get; }

    /// <summary>Search-mode tokens of <paramref name="folded"/> (already <see cref="TextNormalizer"/>-folded):
    /// each word at a new position, then the dictionary words of 2 to 6 characters inside it at the same position.
    /// Punctuation, spaces and stop words are dropped.</summary>
    public void Tokenize(string folded, List<SegmentToken> into)
    {
        var offset = 0;
        var stop = Dictionary.StopWords;
        foreach (var word in _jieba.Cut(folded, cutAll: false, hmm: true))
        {
            var start = offset;
            offset += word.Length;
            if (!IsIndexable(word) || stop.Contains(word))
            {
                continue;
            }
            into.Add(new SegmentToken(word, start, start + word.Length, 1));
            if (word.Length <= 2) continue;
            for (var n = 2; n <= MaximumInnerWord && n < word.Length; n++)
            {
                for (var j = 0; j + n <= word.Length; j++)
                {
                    var part = word.Substring(j, n);
                    if (IsKnownWord(part) && !stop.Contains(part))
                        into.Add(new SegmentToken(part, start + j, start + j + n, 0));
                }
            }
        }
    }

    /// <summary>Search-mode words of a raw (unfolded) text, for queries and tests.</summary>
    public IReadOnlyList<string> Words(string text, bool innerWords = true)
    {
        var tokens = new List<SegmentToken>();
        Tokenize(TextNormalizer.Fold(text), tokens);
        return tokens.Where(t => innerWords || t.PositionIncrement > 0).Select(t => t.Term).ToList();
    }

    /// <summary>Offsets where jieba's words of <paramref name="folded"/> start or end, stop words included.</summary>
    public HashSet<int> Boundaries(string folded)
    {
        var boundaries = new HashSet<int> { 0 };
        var offset = 0;
        foreach (var word in _jieba.Cut(folded, cutAll: false, hmm: true))
            boundaries.Add(offset += word.Length);
        return boundaries;
    }

    public bool IsKnownWord(string word) => WordDictionary.Instance.ContainsWord(word);

    private static bool IsIndexable(string word)
    {
        foreach (var c in word)
            if (char.IsLetterOrDigit(c)) return true;
        return false;
    }

    private static ChineseSegmenter Load()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, ResourceFolder);
        if (!File.Exists(Path.Combine(dir, "dict.txt")))
            throw new InvalidOperationException(
                $"jieba.NET's dictionaries were not found in {dir}: the ObligationTracker.Search project copies them there at build time.");
        // Must be set before jieba's static dictionary is first touched: it reads the path once.
        ConfigManager.ConfigFileBaseDir = dir;
        var jieba = new JiebaSegmenter();
        if (WordDictionary.Instance.Total <= 0)
            throw new InvalidOperationException($"jieba.NET loaded no words from {dir}/dict.txt.");
        var dictionary = SearchDictionary.Load(dir);
        foreach (var word in dictionary.UserWords)
            jieba.AddWord(word, UserWordFrequency);
        return new ChineseSegmenter(jieba, dictionary);
    }
}
