using Lucene.Net.Search;

namespace ObligationTracker.Search.Querying;

/// <summary>Arranges ranked articles into the hit list: regulations in the order of their best article, each one's
/// articles best first.</summary>
/// <remarks>
/// A regulation shows at most <c>perRegulation</c> articles, and only those scoring at least <c>floor</c> times its best:
/// a weak second article must not push the next regulation's strong one down the page. Likewise a further article must
/// score at least <c>nextFloor</c> times the next regulation's best: where several regulations answer the query, each
/// shows its best articles rather than the first filling the page. An article held back by any of these comes after all
/// the groups (later pages), not nowhere: the pages reach every article counted.
/// <para>The search ranks a pool of the best matches, not all of them. An entry of the list is settled when no match left
/// out of the pool could change it; the pages a search shows must all be settled, so that paging neither repeats nor skips
/// an article, and <c>--top 10</c> and <c>--top 50</c> agree on the first ten.</para>
/// </remarks>
internal static class RegulationGroups
{
    /// <summary>An entry of the hit list, with its regulation's place (1-based) among the regulations found.</summary>
    public readonly record struct Placed(int Doc, float Score, int RegulationRank);

    /// <param name="docs">The pool, best first (see <see cref="BestFirst"/>).</param>
    /// <param name="unseenAtMost">Null when the pool holds every match; else a score no match left out of it exceeds.</param>
    /// <returns>The hit list, and how many of its first entries are settled (all of them when nothing was left out).</returns>
    public static (List<Placed> Hits, int Settled) Arrange(ScoreDoc[] docs, Func<int, string?> regulationOf, int perRegulation, float floor, float nextFloor, float? unseenAtMost)
    {
        var groups = new Dictionary<string, List<ScoreDoc>>(StringComparer.Ordinal);
        var order = new List<string>();
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        var deferred = new List<Placed>();
        foreach (var doc in docs)
        {
            var regulation = regulationOf(doc.Doc) ?? "";
            if (!groups.TryGetValue(regulation, out var list))
            {
                groups[regulation] = list = [];
                order.Add(regulation);
                ranks[regulation] = order.Count;
            }

            if (list.Count < perRegulation && (list.Count == 0 || doc.Score >= floor * list[0].Score)) list.Add(doc);
            else deferred.Add(new(doc.Doc, doc.Score, ranks[regulation]));
        }

        // A match left out scores at most cut; so does the best of a regulation the pool does not hold.
        var cut = unseenAtMost ?? float.NegativeInfinity;
        var result = new List<Placed>();
        var settled = 0;
        var open = true;
        for (var i = 0; i < order.Count; i++)
        {
            var list = groups[order[i]];
            var best = list[0].Score;
            var nextSeen = i + 1 < order.Count ? groups[order[i + 1]][0].Score : 0f;
            // The real next regulation's best: the one the pool holds, unless a regulation left out may come before it.
            var (nextLow, nextHigh) = nextSeen > cut ? (nextSeen, nextSeen) : (nextSeen, Math.Max(nextSeen, cut));
            var sure = open && best > cut;
            var before = result.Count;
            for (var k = 0; k < list.Count; k++)
            {
                var score = list[k].Score;
                if (k > 0 && (score <= cut || (score >= nextFloor * nextLow) != (score >= nextFloor * nextHigh))) sure = false;
                if (k == 0 || score >= nextSeen * nextFloor) result.Add(new(list[k].Doc, score, i + 1));
                else deferred.Add(new(list[k].Doc, score, i + 1));
            }

            // An article left out could still join a group with room.
            if (list.Count < perRegulation && cut >= floor * best && cut >= nextFloor * nextLow) sure = false;
            if (!open) continue;
            if (sure) settled = result.Count;
            else
            {
                if (best > cut) settled = before + 1;
                open = false;
            }
        }

        // Held back from its regulation's group, a further article still comes after the groups, best first, so that
        // the pages that follow reach every article found.
        result.AddRange(deferred.OrderByDescending(d => d.Score).ThenBy(d => d.RegulationRank).ThenBy(d => d.Doc));
        return (result, unseenAtMost is null ? result.Count : settled);
    }
}
