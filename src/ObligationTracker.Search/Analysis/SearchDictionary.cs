using System.Collections.Frozen;
using ObligationTracker.Core.Institutions;

namespace ObligationTracker.Search.Analysis;

/// <summary>The words the segmenter must keep whole, the stop words, and the query synonyms; immutable once loaded.</summary>
/// <remarks>
/// User words are our terms of art (corpora/dictionary/terms.txt), every name of every institution type from the
/// taxonomy (so the two never drift), and both sides of the synonym rules. Synonyms are our domain rules
/// (corpora/dictionary/synonyms.txt), the taxonomy's aliases (城商行 → 城市商业银行), and jieba's general thesaurus
/// (cn_synonym.txt, 同义词词林), whose "=" groups are used only at a low weight.
/// </remarks>
internal sealed class SearchDictionary
{
    /// <summary>Words that carry no meaning for search, beyond jieba's list: question words of everyday queries.</summary>
    private static readonly string[] ExtraStopWords =
    [
        "吗", "呢", "吧", "啊", "什么", "怎么", "怎样", "怎么样", "如何", "哪些", "哪个", "是否", "能否", "有没有", "请问", "的话",
        "我", "我们", "你", "你们", "要求", "相关", "规定", "问题", "情况", "有", "哪里",
        "多少", "几", "需要", "要不要", "是不是", "能不能", "可不可以", "会不会", "该不该", "有无", "何时", "为什么", "为何",
        "怎么办", "咋", "啥", "谁", "哪儿", "多大", "一下", "知道", "想", "想要", "得", "需", "么", "嘛", "呀",
    ];

    /// <summary>Words of jieba's list that do carry meaning in a regulation.</summary>
    private static readonly string[] KeptWords = ["可以", "不得", "要", "不", "没有", "否则", "除非", "以上", "以下", "以内", "之前", "之后", "内"];

    private SearchDictionary(
        FrozenSet<string> userWords,
        FrozenSet<string> stopWords,
        FrozenDictionary<string, string[]> synonyms,
        FrozenDictionary<string, string[]> thesaurus)
    {
        UserWords = userWords;
        StopWords = stopWords;
        _version = new Lazy<string>(() => Fingerprint(userWords, stopWords));
        Synonyms = synonyms;
        Thesaurus = thesaurus;
    }

    public FrozenSet<string> UserWords { get; }

    /// <summary>A short fingerprint of what decides how a text is cut into indexed words (the user words and stop words):
    /// an index built under another one is re-indexed, or its words and the queries' would differ.</summary>
    public string Version => _version.Value;

    private readonly Lazy<string> _version;

    public FrozenSet<string> StopWords { get; }

    /// <summary>Domain rules and taxonomy aliases: a phrase found anywhere in a query → the words regulations use.</summary>
    public FrozenDictionary<string, string[]> Synonyms { get; }

    /// <summary>jieba's general thesaurus: one segmented word → its near-synonyms.</summary>
    public FrozenDictionary<string, string[]> Thesaurus { get; }

    internal static string Fingerprint(FrozenSet<string> userWords, FrozenSet<string> stopWords)
    {
        var text = string.Join('\n', userWords.Order(StringComparer.Ordinal)) + "\n\u0000\n" + string.Join('\n', stopWords.Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..12];
    }

    public static SearchDictionary Load(string jiebaDirectory)
    {
        var taxonomy = InstitutionTaxonomy.Default;
        var terms = ReadEmbedded("terms.txt").Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

        var synonyms = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (from, to) in ReadDomainRules())
            Add(synonyms, from, to);

        foreach (var (surface, canonical) in taxonomy.SurfaceForms)
        {
            if (surface == canonical || taxonomy.Canonicalise(surface) != canonical || canonical == InstitutionTaxonomy.Regulator) continue;
            Add(synonyms, surface, [canonical]);
            // And the other way: an institution type is also found under the names a regulation of another period gives it
            // (理财公司 in the 2022 rules, 理财子公司 in the 2018 measures; 保险公司 and the insurance law's 保险人).
            if (surface.Length > 1) Add(synonyms, canonical, [surface]);
        }

        var userWords = new HashSet<string>(terms, StringComparer.Ordinal);
        foreach (var surface in taxonomy.SurfaceForms.Keys)
            if (surface.Length > 1) userWords.Add(surface);
        foreach (var (from, to) in synonyms)
        {
            if (from.Length > 1) userWords.Add(from);
            foreach (var t in to) if (t.Length > 1) userWords.Add(t);
        }

        var stop = new HashSet<string>(StringComparer.Ordinal);
        var stopFile = Path.Combine(jiebaDirectory, "stopwords.txt");
        if (File.Exists(stopFile))
            foreach (var line in File.ReadLines(stopFile))
                if (line.Trim().Length > 0) stop.Add(line.Trim().ToLowerInvariant());
        stop.UnionWith(ExtraStopWords);
        stop.ExceptWith(KeptWords);
        stop.ExceptWith(userWords);

        return new SearchDictionary(
            userWords.ToFrozenSet(StringComparer.Ordinal),
            stop.ToFrozenSet(StringComparer.Ordinal),
            synonyms.ToFrozenDictionary(p => TextNormalizer.Fold(p.Key), p => p.Value.Distinct().ToArray(), StringComparer.Ordinal),
            ReadThesaurus(Path.Combine(jiebaDirectory, "cn_synonym.txt"), userWords));
    }

    /// <summary>Our rules of corpora/dictionary/synonyms.txt, one per line, before the taxonomy's aliases join them.</summary>
    internal static IReadOnlyList<(string From, string[] To)> ReadDomainRules()
    {
        var rules = new List<(string, string[])>();
        foreach (var line in ReadEmbedded("synonyms.txt"))
        {
            var cells = line.Split('\t', StringSplitOptions.TrimEntries);
            if (cells.Length != 2 || cells[0].Length == 0)
                throw new FormatException($"synonyms.txt: expected FROM<TAB>TO[,TO...], found '{line}'.");
            rules.Add((cells[0], cells[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        }

        return rules;
    }

    /// <remarks>Keyed as queries are folded, so rules that differ only in width or case (POS机, pos机) share one entry.</remarks>
    private static void Add(Dictionary<string, List<string>> map, string from, IEnumerable<string> to)
    {
        from = TextNormalizer.Fold(from);
        if (!map.TryGetValue(from, out var list)) map[from] = list = [];
        foreach (var t in to)
            if (t != from) list.Add(t);
    }

    /// <summary>"Cb05B04= 国外 海外 域外": only "=" (equal) groups of a few words; "#" (related) groups are too loose.</summary>
    private static FrozenDictionary<string, string[]> ReadThesaurus(string path, HashSet<string> userWords)
    {
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        if (!File.Exists(path)) return FrozenDictionary<string, string[]>.Empty;
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 3 || parts.Length > 7 || !parts[0].EndsWith('=')) continue;
            var words = parts.Skip(1).Where(w => w.Length >= 2).ToArray();
            foreach (var w in words)
            {
                if (userWords.Contains(w)) continue; // our own terms are precise; do not blur them
                if (!map.TryGetValue(w, out var set)) map[w] = set = new HashSet<string>(StringComparer.Ordinal);
                foreach (var other in words)
                    if (other != w) set.Add(other);
            }
        }

        return map.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    private static IEnumerable<string> ReadEmbedded(string name)
    {
        var assembly = typeof(SearchDictionary).Assembly;
        using var stream = assembly.GetManifestResourceStream("ObligationTracker.Search." + name)
            ?? throw new InvalidOperationException($"The embedded dictionary {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            if (line.Trim().Length > 0) lines.Add(line.TrimEnd());
        }

        return lines;
    }
}
