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
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Find(IEnumerable<string> units, PartyLexicon lexicon)
    {
        var terms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            foreach (Match m in SoCalledRegex().Matches(unit))
                Add(terms, lexicon, m.Groups["term"].Value, m.Groups["body"].Value, m.Groups["verb"].Value == "包括");
            if (LeadingDefinitionRegex().Match(unit) is { Success: true } d)
                Add(terms, lexicon, d.Groups["term"].Value, d.Groups["body"].Value, includes: false);
            foreach (Match m in CollectiveRegex().Matches(unit))
            {
                var before = unit[..m.Index];
                var cut = before.LastIndexOfAny(['，', '。', '；', '：']);
                var body = before[(cut + 1)..];
                var afterScope = body.LastIndexOf("适用于", StringComparison.Ordinal);
                if (afterScope >= 0) body = body[(afterScope + 3)..];
                var collective = m.Groups["kind"].Value == "统称";
                if (collective || IsPureList(lexicon, body)) Add(terms, lexicon, m.Groups["term"].Value, body, includes: false);
            }
        }

        return terms;
    }

    private static void Add(Dictionary<string, IReadOnlyList<string>> terms, PartyLexicon lexicon, string term, string body, bool includes)
    {
        term = term.Trim().Trim('“', '”', '"');
        var stop = body.IndexOfAny(['：', '；', ':']);
        if (stop >= 0) body = body[..stop];
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
            if (result.Count == 0 ? gap.Length > 4 : !ListGapRegex().IsMatch(gap)) break;
            result.Add(m);
        }

        return result;
    }

    private static bool IsPureList(PartyLexicon lexicon, string body)
    {
        var rest = body;
        foreach (var m in lexicon.FindAll(body).OrderByDescending(m => m.Index))
            rest = rest.Remove(m.Index, m.Length);
        return rest.Length < body.Length && PureRestRegex().IsMatch(rest);
    }

    [GeneratedRegex(@"(?:本|该)(?:办法|规定|指引|规程|细则|通知|意见|准则|制度|规则)所称(?<term>[^，。；：、（）]{2,20}?)(?:，)?(?<verb>是指|指|包括)：?(?<body>[^。]*)")]
    private static partial Regex SoCalledRegex();

    [GeneratedRegex(@"^(?<term>[^，。；：、（）]{2,20})，?是指(?<body>[^。]*)")]
    private static partial Regex LeadingDefinitionRegex();

    [GeneratedRegex(@"[（(]以下(?<kind>统称|简称)(?:为)?[“""]?(?<term>[^）)”""]{2,15})[”""]?[）)]")]
    private static partial Regex CollectiveRegex();

    [GeneratedRegex(@"(?:机构|公司|银行|人|方|者|组织|集团|社|商|单位|部门|协会|人员)$")]
    private static partial Regex PartySuffixRegex();

    [GeneratedRegex(@"^(?:[、，和及与或省各]|以及|或者|以及其他|[（(][^）)]{0,6}[）)])+$")]
    private static partial Regex ListGapRegex();

    [GeneratedRegex(@"(?:等)?(?:机构)?[。；]?\s*$")]
    private static partial Regex TrailingRegex();

    [GeneratedRegex(@"^(?:[、，和及与或等]|以及|或者|机构|\s)*$")]
    private static partial Regex PureRestRegex();
}
