using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Querying;

/// <summary>Per kind of document (article, provision), a filter whose bits are computed once per index segment and kept
/// while the segment lives: every search filters by kind, and a cached bit set costs a lookup per document instead of a
/// walk along the kind's postings.</summary>
internal sealed class KindFilters
{
    private readonly Filter _articles = new BitsFilter(ArticleFields.KindArticle);
    private readonly Filter _provisions = new BitsFilter(ArticleFields.KindProvision);

    public Filter For(string kind) => kind == ArticleFields.KindProvision ? _provisions : _articles;

    /// <summary>Caches the kind as a plain bit set, which a filtered query hands to the scorer as the documents it may
    /// accept (like deletions). Lucene's default cache compresses the set, which gives no random access: the query then
    /// stepped the scorer and the set's iterator in turn for every match.</summary>
    private sealed class BitsFilter(string kind) : CachingWrapperFilter(new QueryWrapperFilter(new TermQuery(new Term(ArticleFields.Kind, kind))))
    {
        protected override DocIdSet CacheImpl(DocIdSetIterator iterator, AtomicReader reader)
        {
            var bits = new FixedBitSet(reader.MaxDoc);
            bits.Or(iterator);
            return bits;
        }
    }
}
