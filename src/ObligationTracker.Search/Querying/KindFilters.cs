using Lucene.Net.Index;
using Lucene.Net.Search;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Querying;

/// <summary>Per kind of document (article, provision), a filter whose bits are computed once per index segment and kept
/// while the segment lives: every search filters by kind, and a cached bit set costs a lookup per document instead of a
/// walk along the kind's postings.</summary>
internal sealed class KindFilters
{
    private readonly Filter _articles = Cached(ArticleFields.KindArticle);
    private readonly Filter _provisions = Cached(ArticleFields.KindProvision);

    public Filter For(string kind) => kind == ArticleFields.KindProvision ? _provisions : _articles;

    private static CachingWrapperFilter Cached(string kind) => new(new QueryWrapperFilter(new TermQuery(new Term(ArticleFields.Kind, kind))));
}
