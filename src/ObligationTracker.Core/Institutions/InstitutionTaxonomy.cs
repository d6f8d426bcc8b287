using System.Collections.Frozen;
using System.Reflection;

namespace ObligationTracker.Core.Institutions;

/// <summary>
/// The hierarchy of institution types (corpora/taxonomy/institution-types.tsv): canonical names, parents and aliases.
/// </summary>
/// <remarks>
/// A type inherits every obligation addressed to any of its ancestors: 消费金融公司 ⊂ 非银行金融机构 ⊂ 银行业金融机构
/// ⊂ 银行保险机构 ⊂ 金融机构. <c>监管机构</c> names the regulator itself and <c>其他</c> any other party.
/// </remarks>
public sealed class InstitutionTaxonomy
{
    public const string Regulator = "监管机构";
    public const string Other = "其他";

    private static readonly Lazy<InstitutionTaxonomy> DefaultLazy = new(LoadEmbedded);

    private readonly FrozenDictionary<string, InstitutionType> byName;
    private readonly FrozenDictionary<string, string> bySurface;
    private readonly FrozenDictionary<string, IReadOnlyList<string>> children;

    private InstitutionTaxonomy(IReadOnlyList<InstitutionType> types)
    {
        Types = types;
        byName = types.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);
        var surface = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in types) surface[t.Name] = t.Name;
        foreach (var t in types)
            foreach (var a in t.Aliases)
                surface.TryAdd(a, t.Name); // a canonical name always wins over another type's alias
        bySurface = surface.ToFrozenDictionary(StringComparer.Ordinal);
        children = types
            .SelectMany(t => t.Parents.Select(p => (Parent: p, Child: t.Name)))
            .GroupBy(x => x.Parent, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(x => x.Child).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The taxonomy shipped with the product (embedded copy of corpora/taxonomy/institution-types.tsv).</summary>
    public static InstitutionTaxonomy Default => DefaultLazy.Value;

    /// <summary>Every type, in file order.</summary>
    public IReadOnlyList<InstitutionType> Types { get; }

    /// <summary>Every name a type goes by (canonical names and aliases), mapped to its canonical name.</summary>
    public IReadOnlyDictionary<string, string> SurfaceForms => bySurface;

    public static InstitutionTaxonomy Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>Reads the TSV (canonical TAB parents TAB aliases; # comments); throws on unknown parents or cycles.</summary>
    public static InstitutionTaxonomy Parse(string tsv)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        var types = new List<InstitutionType>();
        foreach (var raw in tsv.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#') || string.IsNullOrWhiteSpace(line)) continue;
            var cells = line.Split('\t');
            types.Add(new InstitutionType(cells[0].Trim(), SplitList(cells, 1), SplitList(cells, 2)));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in types)
            if (!names.Add(t.Name)) throw new FormatException($"Institution type {t.Name} is listed twice.");
        foreach (var t in types)
            foreach (var p in t.Parents)
                if (!names.Contains(p)) throw new FormatException($"Institution type {t.Name} names an unknown parent {p}.");

        var taxonomy = new InstitutionTaxonomy(types);
        foreach (var t in types)
            if (taxonomy.Ancestors(t.Name).Contains(t.Name)) throw new FormatException($"Institution type {t.Name} is its own ancestor.");
        return taxonomy;
    }

    public bool Contains(string canonicalName) => byName.ContainsKey(canonicalName);

    public InstitutionType? Find(string canonicalName) => byName.GetValueOrDefault(canonicalName);

    /// <summary>The canonical name of a canonical name or alias (城商行 → 城市商业银行), or null when unknown.</summary>
    public string? Canonicalise(string surface) => bySurface.GetValueOrDefault(surface.Trim());

    /// <summary>All ancestors, nearest first, each once (消费金融公司 → 非银行金融机构, 银行业金融机构, 银行保险机构, 金融机构).</summary>
    public IReadOnlyList<string> Ancestors(string canonicalName) =>
        ancestors.GetOrAdd(canonicalName, ComputeAncestors);

    // Computed once per type: the miner asks for ancestors of the same few types again and again.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<string>> ancestors = new(StringComparer.Ordinal);

    private IReadOnlyList<string> ComputeAncestors(string canonicalName)
    {
        var result = new List<string>();
        var queue = new Queue<string>(byName.TryGetValue(canonicalName, out var t) ? t.Parents : []);
        while (queue.Count > 0)
        {
            var next = queue.Dequeue();
            if (result.Contains(next)) continue;
            result.Add(next);
            if (result.Count > byName.Count) break; // a cycle; Parse rejects these
            foreach (var p in byName[next].Parents) queue.Enqueue(p);
        }

        return result;
    }

    /// <summary>All descendants, nearest first, each once.</summary>
    public IReadOnlyList<string> Descendants(string canonicalName)
    {
        var result = new List<string>();
        var queue = new Queue<string>(children.GetValueOrDefault(canonicalName) ?? []);
        while (queue.Count > 0)
        {
            var next = queue.Dequeue();
            if (result.Contains(next)) continue;
            result.Add(next);
            foreach (var c in children.GetValueOrDefault(next) ?? []) queue.Enqueue(c);
        }

        return result;
    }

    /// <summary>True when <paramref name="type"/> is <paramref name="ancestor"/> or descends from it.</summary>
    public bool IsA(string type, string ancestor) =>
        string.Equals(type, ancestor, StringComparison.Ordinal) || Ancestors(type).Contains(ancestor);

    private static string[] SplitList(string[] cells, int index) =>
        index < cells.Length
            ? cells[index].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];

    private static InstitutionTaxonomy LoadEmbedded()
    {
        var assembly = typeof(InstitutionTaxonomy).Assembly;
        using var stream = assembly.GetManifestResourceStream("ObligationTracker.Core.Institutions.institution-types.tsv")
            ?? throw new InvalidOperationException("The embedded institution taxonomy is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
