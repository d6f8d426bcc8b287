using System.Text.RegularExpressions;
using ObligationTracker.Core.Institutions;

namespace ObligationTracker.Core.Mining.Addressees;

/// <summary>
/// The parties a regulation defines for itself: 本办法所称X是指…的A、B和C, 本办法所称X包括A和B, X，是指…的商业银行,
/// …A、B等机构（以下统称X）. Each term stands for exactly the types its definition lists (ANNOTATING.md, Who is bound).
/// </summary>
public static partial class DefinedTerms
{
    /// <summary>Finds definitions in the units and returns the term → types table (其他 where the definition names no type).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Find(IEnumerable<string> units, PartyLexicon lexicon) =>
        Find([units.Select(u => new Provision(1, u, 0)).ToList()], lexicon, InstitutionTaxonomy.Default);

    /// <summary>As <see cref="Find(IEnumerable{string}, PartyLexicon)"/>, over articles, so that X包括： followed by items is read too.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Find(IReadOnlyList<IReadOnlyList<Provision>> articles, PartyLexicon lexicon, InstitutionTaxonomy taxonomy)
    {
        var terms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            for (var k = 0; k < article.Count; k++)
            {
                if (!article[k].IsLeadIn || LeadInRegex().Match(article[k].Analysed) is not { Success: true } lead) continue;
                var body = string.Join("、", article.Skip(k + 1).TakeWhile(u => u.IsItem).Select(u => u.Analysed));
                Add(terms, lexicon, taxonomy, lead.Groups["term"].Value, body, lead.Groups["verb"].Value == "包括");
            }

            foreach (var unit in article.Select(u => u.Analysed))
                FindInUnit(unit, terms, lexicon, taxonomy);
        }

        return terms;
    }

    private static void FindInUnit(string unit, Dictionary<string, IReadOnlyList<string>> terms, PartyLexicon lexicon, InstitutionTaxonomy taxonomy)
    {
        {
            if (unit.Contains("所称", StringComparison.Ordinal))
            foreach (Match m in SoCalledRegex().Matches(unit))
            {
                Add(terms, lexicon, taxonomy, m.Groups["term"].Value, m.Groups["body"].Value, m.Groups["verb"].Value == "包括");
                if (m.Groups["alias"].Success) Add(terms, lexicon, taxonomy, m.Groups["alias"].Value, m.Groups["body"].Value, m.Groups["verb"].Value == "包括");
            }
            if (unit.Contains("是指", StringComparison.Ordinal) && LeadingDefinitionRegex().Match(unit) is { Success: true } d)
                Add(terms, lexicon, taxonomy, d.Groups["term"].Value, d.Groups["body"].Value, includes: false);
            if (unit.Contains("包括", StringComparison.Ordinal))
            foreach (Match m in NamedIncludesRegex().Matches(unit))
                Add(terms, lexicon, taxonomy, m.Groups["term"].Value, m.Groups["body"].Value, includes: true);
            if (unit.Contains("以下", StringComparison.Ordinal))
            foreach (Match m in CollectiveRegex().Matches(unit))
            {
                var before = unit[..m.Index];
                var cut = before.LastIndexOfAny(['，', '。', '；', '：']);
                var body = before[(cut + 1)..];
                var afterScope = body.LastIndexOf("适用于", StringComparison.Ordinal);
                if (afterScope >= 0) body = body[(afterScope + 3)..];
                var collective = m.Groups["kind"].Value == "统称";
                if (collective || IsPureList(lexicon, body) || NamesNarrowKind(lexicon, taxonomy, body))
                    Add(terms, lexicon, taxonomy, m.Groups["term"].Value, body, includes: false);
            }
        }
    }

    private static void Add(Dictionary<string, IReadOnlyList<string>> terms, PartyLexicon lexicon, InstitutionTaxonomy taxonomy, string term, string body, bool includes)
    {
        term = term.Trim().Trim('“', '”', '"');
        var stop = includes ? -1 : body.IndexOfAny(['：', '；', ':']);
        if (stop >= 0) body = body[..stop]; // …的机构，具体条件如下：(一)… — the conditions are not the head
        if (term.Length < 2 || !PartySuffixRegex().IsMatch(term)) return;
        if (lexicon.MatchAt(term, 0) is { Kind: PartyKind.Regulator } r && r.Length == term.Length) return;
        var mentions = lexicon.FindAll(body).Where(m => m.Kind != PartyKind.Organ).ToList();
        var listed = includes ? mentions : FinalList(body, mentions);
        if (listed.Count == 0)
        {
            // …的征信机构、(kinds the taxonomy does not name): the named kinds of the head after the last 的.
            var head = body.LastIndexOf('的');
            listed = mentions.Where(m => m.Kind == PartyKind.Institution && m.Index > head).ToList();
        }
        var types = listed.Where(m => m.Kind != PartyKind.Regulator).SelectMany(m => m.Types).Distinct().ToList();
        if (types.Count == 0) types = [InstitutionTaxonomy.Other];
        else if (types.Count > 1) types.Remove(InstitutionTaxonomy.Other);

        // An umbrella closing a list (…村镇银行等吸收公众存款的银行业金融机构) adds nothing to the narrower types listed before it.
        var umbrellas = listed.Where(m => body.LastIndexOf('等', m.Index < 1 ? 0 : m.Index - 1) is var e && e >= 0 && m.Index - e <= 12)
            .SelectMany(m => m.Types).ToHashSet(StringComparer.Ordinal);
        types = types.Where(t => !umbrellas.Contains(t) || !types.Any(u => u != t && taxonomy.Contains(u) && taxonomy.IsA(u, t))).ToList();

        // A term that is itself a type keeps its meaning unless the definition narrows it (理财公司是指…的非银行金融机构: no change).
        if (taxonomy.Canonicalise(term) is { } own && own is not (InstitutionTaxonomy.Other or InstitutionTaxonomy.Regulator)
            && !types.All(t => taxonomy.Contains(t) && taxonomy.IsA(t, own)))
            return;
        terms.TryAdd(term, types);
    }

    /// <summary>The names ending the definition, joined by 、和或者及: the head of …的A、B和C.</summary>
    private static List<PartyMention> FinalList(string body, List<PartyMention> mentions)
    {
        var trimmed = TrailingRegex().Replace(body, "");
        var result = new List<PartyMention>();
        for (var k = mentions.Count - 1; k >= 0; k--)
        {
            var m = mentions[k];
            var gapEnd = result.Count == 0 ? trimmed.Length : result[^1].Index;
            if (m.End > gapEnd) continue;
            var gap = body[m.End..gapEnd];
            if (result.Count == 0 ? gap.Length > 4 && !UnnamedTailRegex().IsMatch(gap) : !ListGapRegex().IsMatch(gap)) break;
            result.Add(m);
        }

        return result;
    }

    // …依法设立的银行业金融机构（以下简称银行）: an abbreviation of a named kind, but not of the bare root 金融机构.
    private static bool NamesNarrowKind(PartyLexicon lexicon, InstitutionTaxonomy taxonomy, string body)
    {
        var mentions = lexicon.FindAll(body);
        if (mentions.Count == 0 || mentions[^1].End < TrailingRegex().Replace(body, "").Length - 2 || mentions[^1].Kind != PartyKind.Institution) return false;
        return mentions[^1].Types.All(t => taxonomy.Find(t) is { Parents.Count: > 0 });
    }

    private static bool IsPureList(PartyLexicon lexicon, string body)
    {
        var rest = body;
        foreach (var m in lexicon.FindAll(body).OrderByDescending(m => m.Index))
            rest = rest.Remove(m.Index, m.Length);
        return rest.Length < body.Length && PureRestRegex().IsMatch(rest);
    }

    [GeneratedRegex(@"(?:本|该)(?:办法|规定|指引|规程|细则|通知|意见|准则|制度|规则)所称(?<term>[^，。；：、（）]{2,20}?)(?:（以下(?:简称|统称)(?<alias>[^）]{2,12})）)?(?:，)?(?<verb>是指|指|包括)：?(?<body>[^。]*)")]
    private static partial Regex SoCalledRegex();

    [GeneratedRegex(@"^(?:(?:本|该)(?:办法|规定|指引|规程|细则)所称)?(?<term>[^，。；：、（）]{2,20}?)(?<verb>包括|是指|指)(?:但不限于)?[：:]$")]
    private static partial Regex LeadInRegex();

    [GeneratedRegex(@"(?<term>[^，。；：、的（）本适]{2,12}(?:机构|公司|银行))，?包括(?<body>[^。；]*)")]
    private static partial Regex NamedIncludesRegex();

    [GeneratedRegex(@"^(?<term>[^，。；：、（）]{2,20})，?是指(?<body>[^。]*)")]
    private static partial Regex LeadingDefinitionRegex();

    [GeneratedRegex(@"[（(]以下(?<kind>统称|简称)(?:为)?[“""]?(?<term>[^）)”""]{2,15})[”""]?[）)]")]
    private static partial Regex CollectiveRegex();

    [GeneratedRegex(@"(?:机构|公司|银行|人|方|者|组织|集团|社|商|单位|部门|协会|人员)$")]
    private static partial Regex PartySuffixRegex();

    [GeneratedRegex(@"^(?:[、，和及与或省各]|以及|或者|以及其他|[（(][^）)]{0,6}[）)]|等[^，。；、]{0,12}的)+$")]
    private static partial Regex ListGapRegex();

    // …政策性银行、开发性银行: kinds the taxonomy does not name may close the list.
    [GeneratedRegex(@"^(?:(?:、|和|或者|及)[^，。；、和]{1,10})+$")]
    private static partial Regex UnnamedTailRegex();

    [GeneratedRegex(@"(?:等)?(?:机构)?[。；]?\s*$")]
    private static partial Regex TrailingRegex();

    [GeneratedRegex(@"^(?:[、，和及与或等]|以及|或者|机构|\s)*$")]
    private static partial Regex PureRestRegex();
}
