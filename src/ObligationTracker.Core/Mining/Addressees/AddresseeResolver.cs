using ObligationTracker.Core.Institutions;
using ObligationTracker.Core.Mining.Rules;

namespace ObligationTracker.Core.Mining.Addressees;

/// <summary>
/// Resolves who a unit binds (ANNOTATING.md, Who is bound): the subject of the clause that holds the governing marker;
/// else a subject opening an earlier clause of the unit; else the subject carried from the previous unit of the article;
/// else the regulation's default. Parties that act under other markers of the unit (…，服务提供商应当…) and agents after
/// 应当由 are added.
/// </summary>
public static partial class AddresseeResolver
{
    private static readonly char[] ClauseStops = ['，', '；', '：', '。', ',', '\n'];

    /// <summary>The explicit subject of the unit's governing marker, or empty when the unit names none.</summary>
    public static IReadOnlyList<string> ExplicitSubject(AddresseeContext context, string unit, DeonticMarker main, IReadOnlyList<DeonticMarker> markers) =>
        ExplicitSubject(context, unit, main, markers, out _);

    /// <summary>As <see cref="ExplicitSubject(AddresseeContext, string, DeonticMarker, IReadOnlyList{DeonticMarker})"/>, with where the subject ends (0 when none).</summary>
    public static IReadOnlyList<string> ExplicitSubject(AddresseeContext context, string unit, DeonticMarker main, IReadOnlyList<DeonticMarker> markers, out int subjectEnd)
    {
        var lexicon = context.Lexicon;
        var types = new List<string>();
        var clauseStart = ClauseStart(unit, main.Index);
        var chain = ClauseSubject(lexicon, unit, clauseStart, main.Index);
        if (chain.Count == 0 && clauseStart > 0)
        {
            // A condition just before the marker's clause (…，备付金银行向…报送…时，还应当…), else the unit's opening clause
            // (保险公司决定停止使用…的，除…外，应当…).
            var prevEnd = clauseStart - 1;
            var prevStart = ClauseStart(unit, prevEnd);
            var previous = unit[prevStart..prevEnd].TrimEnd();
            if (previous.EndsWith('的') || previous.EndsWith('时') || previous.EndsWith('后') || previous.EndsWith('前'))
                chain = ClauseSubject(lexicon, unit, prevStart, prevEnd);
            if (chain.Count == 0)
                chain = ClauseSubject(lexicon, unit, 0, ClauseEnd(unit, 0));
        }

        subjectEnd = chain.Count > 0 ? chain[^1].End : 0;
        types.AddRange(Types(context, chain));
        var afterMarker = main.Index + main.Length;

        // 应当由清算机构…办理: the agent acts too; for an impersonal unit it is the party that must act.
        if (afterMarker < unit.Length && unit[afterMarker] == '由' && lexicon.MatchAt(unit, afterMarker + 1) is { } agent
            && (agent.Kind == PartyKind.Institution || types.Count == 0))
            types.AddRange(context.TypesOf(agent, null));

        // 应当（分别）与清算机构、备付金银行签订…: institutions that act together with the subject.
        var with = afterMarker;
        foreach (var adverb in new[] { "分别", "共同" })
            if (string.CompareOrdinal(unit, with, adverb, 0, adverb.Length) == 0) with += adverb.Length;
        if (with < unit.Length && unit[with] == '与')
            types.AddRange(Types(context, SubjectChain.At(lexicon, unit, with + 1, ClauseEnd(unit, with)).Where(m => m.Kind == PartyKind.Institution).ToList()));

        // 禁止服务提供商…: the party the prohibition names.
        if (main.Word == "禁止" && lexicon.MatchAt(unit, afterMarker) is { } forbidden)
            types.AddRange(context.TypesOf(forbidden, null));

        // Other markers with their own subject: …应当…，银监会及其派出机构可以…
        foreach (var m in markers)
        {
            if (m.Index <= main.Index || ModalityClassifier.InCondition(unit, m.Index)) continue;
            var start = ClauseStart(unit, m.Index);
            types.AddRange(Types(context, SubjectChain.At(lexicon, unit, start, m.Index)));
        }

        return types.Distinct(StringComparer.Ordinal).ToList();
    }

    public static IReadOnlyList<string> Resolve(AddresseeContext context, string unit, DeonticMarker main, IReadOnlyList<DeonticMarker> markers, IReadOnlyList<string> carried) =>
        Resolve(context, unit, main, markers, carried, out _);

    /// <summary>As <see cref="Resolve(AddresseeContext, string, DeonticMarker, IReadOnlyList{DeonticMarker}, IReadOnlyList{string})"/>, with where the explicit subject ends (0 when none).</summary>
    public static IReadOnlyList<string> Resolve(AddresseeContext context, string unit, DeonticMarker main, IReadOnlyList<DeonticMarker> markers, IReadOnlyList<string> carried, out int subjectEnd)
    {
        var explicitTypes = ExplicitSubject(context, unit, main, markers, out subjectEnd);
        return Resolve(context, unit, main, explicitTypes, carried);
    }

    /// <summary>Resolves from an explicit subject already found (see <see cref="ExplicitSubject(AddresseeContext, string, DeonticMarker, IReadOnlyList{DeonticMarker}, out int)"/>).</summary>
    public static IReadOnlyList<string> Resolve(AddresseeContext context, string unit, DeonticMarker main, IReadOnlyList<string> explicitTypes, IReadOnlyList<string> carried)
    {
        if (explicitTypes.Count > 0)
        {
            // 禁止服务提供商… without a subject of its own also binds the party carried from before.
            if (main.Word == "禁止" && ClauseSubject(context.Lexicon, unit, ClauseStart(unit, main.Index), main.Index).Count == 0)
                return carried.Concat(explicitTypes).Distinct(StringComparer.Ordinal).ToList();
            return explicitTypes;
        }

        return carried.Count > 0 ? carried : context.DefaultSubject.Count > 0 ? context.DefaultSubject : [InstitutionTaxonomy.Other];
    }

    /// <summary>The subject of a clause prefix: a chain opening it, else one closing it after a relative clause.</summary>
    private static IReadOnlyList<PartyMention> ClauseSubject(PartyLexicon lexicon, string unit, int start, int end)
    {
        if (end <= start) return [];
        // The party closest to the marker after a relative clause wins (银保监会认可的自律组织可以…), unless it only continues
        // the opening list (非银行支付机构与清算机构、备付金银行或者其授权的分支机构应当…).
        var opening = SubjectChain.At(lexicon, unit, start, end);
        var closing = SubjectChain.EndingAt(lexicon, unit, start, end);
        if (closing.Count == 0) return opening;
        if (opening.Count == 0 || closing[0].Index <= opening[^1].Index) return closing.Count >= opening.Count ? closing : opening;
        var between = unit[opening[^1].End..closing[0].Index];
        return ContinuesList().IsMatch(between) ? opening.Concat(closing).ToList() : closing;
    }

    private static int ClauseEnd(string unit, int index)
    {
        var end = unit.IndexOfAny(ClauseStops, index);
        return end < 0 ? unit.Length : end;
    }

    private static IEnumerable<string> Types(AddresseeContext context, IReadOnlyList<PartyMention> chain)
    {
        for (var k = 0; k < chain.Count; k++)
        {
            var m = chain[k];
            if (m.Kind == PartyKind.Organ && k > 0 && chain[k - 1].Kind != PartyKind.Organ) continue; // 理财公司董事会: the company already counts
            foreach (var t in context.TypesOf(m, k > 0 ? chain[k - 1] : null)) yield return t;
        }
    }

    private static int ClauseStart(string unit, int index) =>
        index <= 0 ? 0 : unit.LastIndexOfAny(ClauseStops, index - 1) + 1;


    [System.Text.RegularExpressions.GeneratedRegex("^(?:、|和|及|与|或者|或|以及)")]
    private static partial System.Text.RegularExpressions.Regex ContinuesList();
}
