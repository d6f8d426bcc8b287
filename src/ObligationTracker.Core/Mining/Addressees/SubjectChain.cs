using System.Text.RegularExpressions;

namespace ObligationTracker.Core.Mining.Addressees;

/// <summary>
/// The subject at the start of a clause: one party name, or several joined by 、和及与或者 (保险公司、保险中介机构及其保险销售人员),
/// with an organ after its institution (理财公司董事会, 非银行支付机构的分支机构).
/// </summary>
public static partial class SubjectChain
{
    private static readonly string[] LeadingWords = ["各", "该", "其他", "相关", "所有", "全体", "凡"];

    /// <summary>The chain of names starting at <paramref name="index"/> (after leading words such as 各, 其他), or empty.</summary>
    public static IReadOnlyList<PartyMention> At(PartyLexicon lexicon, string text, int index, int end)
    {
        while (index < end && char.IsWhiteSpace(text[index])) index++;
        var chain = new List<PartyMention>();
        var first = lexicon.MatchAt(text, index);
        if (first is null)
        {
            foreach (var w in LeadingWords)
                if (string.CompareOrdinal(text, index, w, 0, w.Length) == 0 && lexicon.MatchAt(text, index + w.Length) is { } m)
                {
                    first = m;
                    break;
                }
        }

        if (first is not { } current || current.End > end) return chain;
        chain.Add(current);
        while (true)
        {
            var next = NextAfterGap(lexicon, text, current.End, end);
            if (next is null) break;
            chain.Add(next.Value);
            current = next.Value;
        }

        // 金融机构、非银行支付机构以外的其他…机构: the names are excluded, not the subject.
        if (current.End + 2 <= text.Length && (string.CompareOrdinal(text, current.End, "以外", 0, 2) == 0 || string.CompareOrdinal(text, current.End, "之外", 0, 2) == 0))
            return [];
        return chain;
    }

    private static PartyMention? NextAfterGap(PartyLexicon lexicon, string text, int from, int end)
    {
        // 理财公司和理财业务相关机构: an unnamed kind of body joined to a named one is some other party.
        var unnamed = UnnamedPartyRegex().Match(text, from);
        if (unnamed.Success && unnamed.Index == from && unnamed.Index + unnamed.Length <= end
            && lexicon.FindAll(unnamed.Groups["n"].Value).Count == 0)
        {
            var g = unnamed.Groups["n"];
            return new PartyMention(g.Index, g.Length, g.Value, PartyKind.Other, [Institutions.InstitutionTaxonomy.Other]);
        }

        for (var gapEnd = from; gapEnd < end && gapEnd - from <= 14; gapEnd++)
        {
            if (lexicon.MatchAt(text, gapEnd) is not { } m || m.End > end) continue;
            var gap = text[from..gapEnd];
            if (gap.Length == 0) return m.Kind == PartyKind.Organ ? m : null; // 理财公司董事会
            if (gap == "的") return m.Kind == PartyKind.Organ ? m : null; // 非银行支付机构的分支机构
            if (gap.Contains('与') && m.Kind == PartyKind.Other) return null; // 与第三方机构进行…: a counterparty, not a co-subject
            return GapRegex().IsMatch(gap) ? m : null;
        }

        return null;
    }

    /// <summary>
    /// The chain that ends a clause prefix, after a relative clause (开展跨境人民币支付业务的非银行支付机构, 承担…的银行业重点外包服务机构),
    /// allowing adverbs before the marker (原则上, 均, 也).
    /// </summary>
    public static IReadOnlyList<PartyMention> EndingAt(PartyLexicon lexicon, string text, int start, int end)
    {
        var trimmed = end;
        foreach (var adverb in TrailingAdverbs)
            if (trimmed - adverb.Length >= start && string.CompareOrdinal(text, trimmed - adverb.Length, adverb, 0, adverb.Length) == 0)
            {
                trimmed -= adverb.Length;
                break;
            }

        var mentions = lexicon.FindAll(text, start, trimmed);
        if (mentions.Count == 0 || mentions[^1].End != trimmed) return [];
        var first = mentions.Count - 1;
        while (first > 0 && mentions[first - 1].End <= mentions[first].Index && GapRegex().IsMatch(text[mentions[first - 1].End..mentions[first].Index]))
            first--;
        var before = mentions[first].Index;
        if (before > start && text[before - 1] != '的') return [];
        return mentions.Skip(first).ToList();
    }

    [GeneratedRegex(@"\G(?:、|和|及|以及|或者)(?<n>[\u4e00-\u9fa5]{2,10}?(?:机构|组织))(?=[、和及与或应不可须在对向按，]|$)")]
    private static partial Regex UnnamedPartyRegex();

    private static readonly string[] TrailingAdverbs = ["原则上", "均", "都", "也", "亦", "还", "仍", "则", "必须"];

    [GeneratedRegex(@"^(?:[、和及与或其各]|以及|或者|受其委托(?:的)?|与其合作(?:的)?|省（自治区）|[（(][^）)]{0,6}[）)])+$")]
    private static partial Regex GapRegex();
}
