using Lucene.Net.Index;
using Lucene.Net.Search;
using ObligationTracker.Search.Indexing;
using ObligationTracker.Search.Querying;

namespace ObligationTracker.Tools;

/// <summary>profile-query --postings: the bare cost of walking the postings of the queries' terms (what no ranking can avoid).</summary>
internal static class PostingsCost
{
    public static void Run(ArticleIndex index, IReadOnlyList<string> queries, int rounds)
    {
        var terms = queries.Select(q => index.WithSearcher(s =>
        {
            var (parsed, _) = QuerySyntax.Parse(q);
            var set = new HashSet<Term>();
            new QueryBuilder(QueryWeights.Default, s.IndexReader).Build(parsed!)?.ExtractTerms(set);
            return set.ToList();
        })).ToList();
        foreach (var mode in new[] { "docs", "docs+freqs", "docs+freqs+bm25" })
        {
            long postings = 0;
            var start = ThreadCpu.PreciseMilliseconds()!.Value;
            for (var round = 0; round < rounds; round++)
                foreach (var list in terms)
                    postings += index.WithSearcher(s => Walk(s, list, mode));
            var ms = ThreadCpu.PreciseMilliseconds()!.Value - start;
            Console.WriteLine($"  {mode,-18} {ms / (rounds * terms.Count):0.000} ms per query, {postings / (rounds * terms.Count)} postings, {ms * 1e6 / postings:0.0} ns per posting");
        }
    }

    private static long Walk(IndexSearcher searcher, List<Term> terms, string mode)
    {
        long count = 0;
        var sink = 0f;
        foreach (var term in terms)
        {
            var context = TermContext.Build(searcher.TopReaderContext, term);
            if (context.DocFreq == 0) continue;
            var stats = searcher.Similarity.ComputeWeight(1f, searcher.CollectionStatistics(term.Field), searcher.TermStatistics(term, context));
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var state = context.Get(leaf.Ord);
                if (state is null) continue;
                var termsEnum = leaf.AtomicReader.GetTerms(term.Field)!.GetEnumerator();
                termsEnum.SeekExact(term.Bytes, state);
                var docs = termsEnum.Docs(leaf.AtomicReader.LiveDocs, null, mode == "docs" ? DocsFlags.NONE : DocsFlags.FREQS);
                var scorer = mode.EndsWith("bm25", StringComparison.Ordinal) ? searcher.Similarity.GetSimScorer(stats, leaf) : null;
                int doc;
                while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                {
                    count++;
                    if (mode == "docs") continue;
                    var freq = docs.Freq;
                    sink += scorer?.Score(doc, freq) ?? freq;
                }
            }
        }

        return sink < 0 ? -count : count;
    }
}
