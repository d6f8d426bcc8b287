using ObligationTracker.Core.Institutions;
using ObligationTracker.Core.Mining.Rules;

namespace ObligationTracker.Core.Mining.Addressees;

/// <summary>
/// What a whole regulation says about who it binds: its defined terms, its scope (本办法适用于…), the types that apply it
/// only by reference (参照本办法执行), and the default subject of units that name none.
/// </summary>
public sealed partial class AddresseeContext
{
    private AddresseeContext(
        InstitutionTaxonomy taxonomy,
        PartyLexicon lexicon,
        IReadOnlyList<string> scope,
        IReadOnlyList<string> referenceTypes)
    {
        Taxonomy = taxonomy;
        Lexicon = lexicon;
        Scope = scope;
        ReferenceTypes = referenceTypes;
    }

    public InstitutionTaxonomy Taxonomy { get; }

    /// <summary>The base lexicon plus the regulation's defined terms.</summary>
    public PartyLexicon Lexicon { get; }

    /// <summary>The types the regulation says it applies to; empty where it does not say.</summary>
    public IReadOnlyList<string> Scope { get; }

    /// <summary>Types that apply the regulation by reference only (参照本办法执行).</summary>
    public IReadOnlyList<string> ReferenceTypes { get; }

    /// <summary>The subject of a unit that names none and has none to carry: the scope, else the commonest explicit subject.</summary>
    public IReadOnlyList<string> DefaultSubject { get; private set; } = [];

    /// <summary>The institution an organ or officer belongs to when the text does not say.</summary>
    public IReadOnlyList<string> DefaultInstitution { get; private set; } = [];

    public static AddresseeContext Build(IReadOnlyList<IReadOnlyList<Provision>> articles, InstitutionTaxonomy taxonomy, PartyLexicon baseLexicon)
    {
        var defined = DefinedTerms.Find(articles, baseLexicon, taxonomy);
        var lexicon = baseLexicon.With(defined.Select(d => (d.Key, d.Value.Count == 1 && d.Value[0] == InstitutionTaxonomy.Other ? PartyKind.Other : PartyKind.Institution, d.Value)));

        var scope = new List<string>();
        var reference = new List<string>();
        var scopeArticle = -1;
        for (var a = 0; a < articles.Count; a++)
            foreach (var unit in articles[a])
            {
                if (!NonNormativeFilter.IsScopeStatement(unit.Analysed)) continue;
                // The first scope article sets the scope; later ones (…也适用本办法, 参照本办法执行) extend it by reference.
                var scopeSeen = scopeArticle >= 0 && scopeArticle != a;
                if (!unit.Analysed.Contains("参照", StringComparison.Ordinal) && scopeArticle < 0) scopeArticle = a;
                if (unit.Analysed.Contains("参照", StringComparison.Ordinal) || scopeSeen)
                    reference.AddRange(lexicon.FindAll(unit.Analysed).Where(m => m.Kind == PartyKind.Institution).SelectMany(m => m.Types));
                else
                    scope.AddRange(ScopeTypes(lexicon, unit.Analysed));
            }

        var context = new AddresseeContext(taxonomy, lexicon, scope.Distinct().ToList(), reference.Distinct().Except(scope).ToList());
        return context;
    }

    /// <summary>Sets the defaults from the explicit subjects found in a first pass.</summary>
    internal void SetDefaults(IEnumerable<IReadOnlyList<string>> explicitSubjects)
    {
        var counts = explicitSubjects
            .Select(s => string.Join("|", s.Order(StringComparer.Ordinal)))
            .Where(k => k.Length > 0)
            .GroupBy(k => k, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key.Split('|'))
            .ToList();
        DefaultSubject = Scope.Count > 0 ? Scope : counts.FirstOrDefault() ?? [InstitutionTaxonomy.Other];
        var institutions = counts.FirstOrDefault(c => c.All(t => t is not (InstitutionTaxonomy.Regulator or InstitutionTaxonomy.Other)));
        DefaultInstitution = Scope.Count > 0 ? Scope : institutions ?? DefaultSubject;
    }

    /// <summary>Types of one name: a defined term or type, widened umbrella names narrowed to the scope's types.</summary>
    public IEnumerable<string> TypesOf(PartyMention mention, PartyMention? owner)
    {
        switch (mention.Kind)
        {
            case PartyKind.Regulator:
                return [InstitutionTaxonomy.Regulator];
            case PartyKind.Other:
                return [InstitutionTaxonomy.Other];
            case PartyKind.Organ:
                return owner is { Kind: not PartyKind.Organ } o ? TypesOf(o, null) : DefaultInstitution;
            default:
                return mention.Types.SelectMany(NarrowToScope);
        }
    }

    private IEnumerable<string> NarrowToScope(string type)
    {
        if (Scope.Count == 0 || Scope.Contains(type)) return [type];
        var inScope = Scope.Where(s => Taxonomy.IsA(s, type)).ToList();
        return inScope.Count > 0 ? inScope : [type];
    }

    private static IEnumerable<string> ScopeTypes(PartyLexicon lexicon, string unit)
    {
        unit = ParentheticalRegex().Replace(unit, ""); // （以下简称银行）
        var listed = ListedScopeTypes(lexicon, unit).ToList();
        if (listed.Count > 0) return listed;

        // …依法设立的非银行支付机构提供支付服务的，适用本办法 / …，应当遵守本办法的规定: the subjects of its clauses.
        var result = new List<string>();
        var clauseStart = 0;
        for (var i = 0; i <= unit.Length; i++)
        {
            if (i < unit.Length && unit[i] is not ('，' or '；' or '。' or '：')) continue;
            var chain = SubjectChain.At(lexicon, unit, clauseStart, i);
            if (chain.Count == 0) chain = SubjectChain.EndingAt(lexicon, unit, clauseStart, i);
            if (chain.Count == 0)
            {
                // the party a relative clause ends on, as in …依法设立的非银行支付机构提供支付服务的
                var ms = lexicon.FindAll(unit, clauseStart, i).Where(m => m.Kind == PartyKind.Institution).ToList();
                var first = ms.FindIndex(m => m.Index > 0 && unit[m.Index - 1] == '的');
                if (first >= 0)
                {
                    var list = new List<PartyMention> { ms[first] };
                    for (var k = first + 1; k < ms.Count && ListGap(unit, list[^1].End, ms[k].Index); k++) list.Add(ms[k]);
                    chain = list;
                }
            }

            result.AddRange(chain.Where(m => m.Kind == PartyKind.Institution).SelectMany(m => m.Types));
            clauseStart = i + 1;
        }

        return result;
    }

    private static IEnumerable<string> ListedScopeTypes(PartyLexicon lexicon, string unit)
    {
        var mentions = lexicon.FindAll(unit).Where(m => m.Kind == PartyKind.Institution).ToList();
        var applies = unit.IndexOf("适用于", StringComparison.Ordinal);
        if (applies >= 0)
        {
            // 本办法适用于A、B和C: the list that follows.
            var after = mentions.Where(m => m.Index >= applies + 3).ToList();
            if (after.Count == 0) return [];
            var list = new List<PartyMention> { after[0] };
            for (var k = 1; k < after.Count && ListGap(unit, list[^1].End, after[k].Index); k++) list.Add(after[k]);
            return list.SelectMany(m => m.Types);
        }

        var verb = unit.IndexOf("适用", StringComparison.Ordinal);
        if (verb >= 0 && !unit.Contains("遵守", StringComparison.Ordinal))
        {
            // A、B和C适用本办法: the list that ends just before 适用.
            var before = mentions.Where(m => m.End <= verb).ToList();
            if (before.Count == 0 || verb - before[^1].End > 4) return [];
            var list = new List<PartyMention> { before[^1] };
            for (var k = before.Count - 2; k >= 0 && ListGap(unit, before[k].End, list[^1].Index); k--) list.Add(before[k]);
            return list.SelectMany(m => m.Types);
        }

        return [];
    }

    private static bool ListGap(string text, int from, int to)
    {
        if (to < from || to - from > 8) return false;
        var gap = text[from..to];
        return gap.Length > 0 && gap.All(c => "、，和及与或者以省各（）()自治区".Contains(c));
    }

    [System.Text.RegularExpressions.GeneratedRegex("[（(][^）)]*[）)]")]
    private static partial System.Text.RegularExpressions.Regex ParentheticalRegex();
}
