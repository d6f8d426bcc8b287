using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ObligationTracker.Search.Querying;

/// <summary>Whether a query matches at least a number of documents, counting no further than that.</summary>
internal sealed class HitsAtLeast(int wanted) : ICollector
{
    private int _seen;

    public static bool Reached(IndexSearcher searcher, Query query, int wanted)
    {
        var collector = new HitsAtLeast(wanted);
        searcher.Search(query, collector);
        return collector._seen >= wanted;
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
    }

    public void Collect(int doc)
    {
        // Ends this segment's collection (the searcher goes on to the next, which ends at its first match).
        if (++_seen >= wanted) throw new CollectionTerminatedException();
    }
}
