using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ObligationTracker.Search.Querying;

/// <summary>Reorders the articles inside each regulation found, leaving the regulations in their order.</summary>
internal static class WithinRegulations
{
    /// <summary>How many of the best articles a reordering looks at: the ones a first page can show.</summary>
    public const int Depth = 30;

    /// <summary>The best <see cref="Depth"/> entries of the pool by segment, each segment's in document order (indexes
    /// into the pool): one forward pass over a term's postings per segment finds them all.</summary>
    public static IEnumerable<(AtomicReaderContext Leaf, int[] Looked)> BySegment(ScoreDoc[] pool, IList<AtomicReaderContext> leaves) =>
        Enumerable.Range(0, Math.Min(Depth, pool.Length))
            .GroupBy(i => ReaderUtil.SubIndex(pool[i].Doc, leaves))
            .Select(g => (leaves[g.Key], g.OrderBy(i => pool[i].Doc).ToArray()));

    /// <summary>The pool, best first, with each article's score multiplied by its factor and then scaled per regulation so
    /// that the regulation's best article keeps the score it had.</summary>
    /// <param name="factors">Per pool entry, at least 1.</param>
    public static ScoreDoc[] Raise(ScoreDoc[] pool, double[] factors, Func<int, string?> regulationOf)
    {
        var before = new Dictionary<string, float>(StringComparer.Ordinal);
        var after = new Dictionary<string, (float Score, int At)>(StringComparer.Ordinal);
        var raised = new ScoreDoc[pool.Length];
        var regulation = new string[pool.Length];
        for (var i = 0; i < pool.Length; i++)
        {
            regulation[i] = regulationOf(pool[i].Doc) ?? "";
            raised[i] = new ScoreDoc(pool[i].Doc, pool[i].Score * (float)factors[i]);
            before[regulation[i]] = Math.Max(before.GetValueOrDefault(regulation[i]), pool[i].Score);
            if (!after.TryGetValue(regulation[i], out var best) || raised[i].Score > best.Score) after[regulation[i]] = (raised[i].Score, i);
        }

        for (var i = 0; i < pool.Length; i++)
        {
            var (best, at) = after[regulation[i]];
            // The best gets its regulation's old score exactly (a float product might not give it back, and regulations
            // tied on their best would swap); a regulation scoring nothing is left as it is.
            if (i == at) raised[i].Score = before[regulation[i]];
            else if (best > 0) raised[i].Score *= before[regulation[i]] / best;
        }

        return BestFirst.Order(raised, regulationOf);
    }
}
