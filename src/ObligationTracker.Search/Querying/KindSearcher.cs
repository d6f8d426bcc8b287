using Lucene.Net.Index;
using Lucene.Net.Search;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Querying;

/// <summary>A searcher whose collection statistics count the documents of one kind (articles or provisions) rather than
/// every document of the index.</summary>
/// <remarks>
/// BM25 takes its inverse document frequency and average field length over the index's document count. Articles and
/// provisions share one index (a regulation's documents are replaced in one commit), but not their text fields: counted
/// over articles only, an article's score is the same whether or not provisions are indexed beside it.
/// Deleted documents count until merged away, as they do in Lucene's own document count.
/// </remarks>
internal sealed class KindSearcher(IndexReader reader, string kind) : IndexSearcher(reader)
{
    private readonly long _documents = reader.DocFreq(new Term(ArticleFields.Kind, kind));

    public override CollectionStatistics CollectionStatistics(string field)
    {
        var all = base.CollectionStatistics(field);
        return new CollectionStatistics(all.Field, Math.Max(_documents, all.DocCount), all.DocCount, all.SumTotalTermFreq, all.SumDocFreq);
    }
}
