using Lucene.Net.Search;

namespace ObligationTracker.Search.Querying;

/// <summary>The order of ranked articles: best score first; equal scores by regulation, then in article order.</summary>
/// <remarks>
/// Lucene breaks ties by document number, and which regulation gets the lower numbers depends on the order ingestion
/// happened to write them (it runs in parallel): two laws with the same article (证券业和银行业…分业经营) would swap places
/// from one index to the next. The regulation's id does not change, and inside a regulation the document numbers follow
/// the articles.
/// </remarks>
internal static class BestFirst
{
    public static ScoreDoc[] Order(IEnumerable<ScoreDoc> docs, Func<int, string?> regulationOf) =>
        [.. docs.OrderByDescending(d => d.Score).ThenBy(d => regulationOf(d.Doc) ?? "", StringComparer.Ordinal).ThenBy(d => d.Doc)];
}
