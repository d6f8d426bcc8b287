using ObligationTracker.Core.Institutions;
using ObligationTracker.Core.Mining.Rules;

namespace ObligationTracker.Core.Mining.Addressees;

/// <summary>
/// Resolves who a unit binds (ANNOTATING.md, Who is bound): the subject of the clause that holds the governing marker;
/// else a subject opening an earlier clause of the unit; else the subject carried from the previous unit of the article;
/// else the regulation's default. Parties that act under other markers of the unit (…，服务提供商应当…) and agents after
/// 应当由 are added.
/// </summary>
public static class AddresseeResolver
{
    private static readonly char[] ClauseStops = ['，', '；', '：', '。', ',', '\n'];

    /// <summary>The explicit subject of the unit's governing marker, or empty when the unit names none.</summary>
    public static IReadOnlyList<string> ExplicitSubject(AddresseeContext context, string unit, DeonticMarker main, IReadOnlyList<DeonticMarker> markers)
    {
        var types = new List<string>();
        var clauseStart = ClauseStart(unit, main.Index);
        var chain = SubjectChain.At(context.Lexicon, unit, clauseStart, main.Index);
        if (chain.Count == 0)
        {
            // Walk back: 保险公司决定停止使用…的，除…外，应当… — the subject opens an earlier clause.
            var end = clauseStart - 1;
            while (end > 0 && chain.Count == 0)
            {
                var start = ClauseStart(unit, end);
                chain = SubjectChain.At(context.Lexicon, unit, start, end);
                end = start - 1;
            }
        }

        types.AddRange(Types(context, chain));

        // Other markers with their own subject: …应当…，银监会及其派出机构可以…
        foreach (var m in markers)
        {
            if (m.Index <= main.Index || ModalityClassifier.InCondition(unit, m.Index)) continue;
            var start = ClauseStart(unit, m.Index);
            types.AddRange(Types(context, SubjectChain.At(context.Lexicon, unit, start, m.Index)));
        }

        // 应当由清算机构…办理: the agent acts too.
        var agentAt = main.Index + main.Length;
        if (agentAt < unit.Length && unit[agentAt] == '由' && context.Lexicon.MatchAt(unit, agentAt + 1) is { Kind: PartyKind.Institution } agent)
            types.AddRange(context.TypesOf(agent, null));

        return Distinct(types);
    }

    public static IReadOnlyList<string> Resolve(AddresseeContext context, string unit, DeonticMarker main, IReadOnlyList<DeonticMarker> markers, IReadOnlyList<string> carried)
    {
        var explicitTypes = ExplicitSubject(context, unit, main, markers);
        if (explicitTypes.Count > 0)
        {
            var clauseChain = SubjectChain.At(context.Lexicon, unit, ClauseStart(unit, main.Index), main.Index);
            return explicitTypes;
        }

        return carried.Count > 0 ? carried : context.DefaultSubject.Count > 0 ? context.DefaultSubject : [InstitutionTaxonomy.Other];
    }

    private static IEnumerable<string> Types(AddresseeContext context, IReadOnlyList<PartyMention> chain)
    {
        for (var k = 0; k < chain.Count; k++)
        {
            var m = chain[k];
            if (m.Kind == PartyKind.Organ && k > 0 && chain[k - 1].Kind == PartyKind.Institution) continue; // 理财公司董事会: the company already counts
            foreach (var t in context.TypesOf(m, k > 0 ? chain[k - 1] : null)) yield return t;
        }
    }

    private static int ClauseStart(string unit, int index) =>
        index <= 0 ? 0 : unit.LastIndexOfAny(ClauseStops, index - 1) + 1;

    private static List<string> Distinct(List<string> types)
    {
        var result = types.Distinct(StringComparer.Ordinal).ToList();
        return result;
    }
}
