using Lucene.Net.Index;
using Lucene.Net.Search;
using ObligationTracker.Search.Querying;

namespace ObligationTracker.Search.Indexing;

/// <summary>What the tools print of an index: its fields' sizes, the Lucene query a search runs, why an article scores
/// what it does.</summary>
public sealed partial class ArticleIndex
{
    /// <summary>Each indexed field's documents, postings and tokens, most tokens first (the index-stats tool prints them).</summary>
    internal IReadOnlyList<FieldStatistics> FieldStatistics() => WithSearcher(searcher =>
    {
        var all = new List<FieldStatistics>();
        if (MultiFields.GetFields(searcher.IndexReader) is not { } fields) return all;
        foreach (var field in fields)
        {
            if (fields.GetTerms(field) is not { } terms) continue;
            all.Add(new FieldStatistics(field, terms.DocCount, terms.SumDocFreq, terms.SumTotalTermFreq >= 0 ? terms.SumTotalTermFreq : terms.SumDocFreq, terms.HasPositions));
        }

        return all.OrderByDescending(f => f.Tokens).ThenBy(f => f.Field, StringComparer.Ordinal).ToList();
    });

    /// <summary>The Lucene query a free-text query becomes, with each term's document frequency (the profile tool prints it).</summary>
    internal string DescribeQuery(string query, QueryWeights? weights = null) => WithSearcher(searcher =>
    {
        var (built, message) = BuildQuery(searcher, query, weights);
        if (built is null) return message;
        var terms = new HashSet<Term>();
        built.ExtractTerms(terms);
        var frequencies = terms.OrderBy(t => t.Field, StringComparer.Ordinal).ThenBy(t => t.Text, StringComparer.Ordinal)
            .Select(t => $"{t.Field}:{t.Text}={searcher.IndexReader.DocFreq(t)}");
        return $"{built}\n    {terms.Count} terms: {string.Join(" ", frequencies)}";
    });

    /// <summary>Why <paramref name="id"/> (file#article) scores what it does for <paramref name="query"/> (the relevance tool's --explain).</summary>
    internal string Explain(string query, string id, QueryWeights? weights = null) => WithSearcher(searcher =>
    {
        var (built, message) = BuildQuery(searcher, query, weights);
        if (built is null) return message;
        var hits = searcher.Search(new TermQuery(new Term(ArticleFields.Regulation, id.Split('#')[0])), 10_000).ScoreDocs;
        var at = hits.FirstOrDefault(h => searcher.Doc(h.Doc).Get(ArticleFields.Id) == id);
        if (at is null) return $"{id} is not in the index";
        return ArticleSearcher.Scoring(searcher.IndexReader, weights ?? QueryWeights.Default).Explain(built, at.Doc).ToString();
    });

    /// <summary>The Lucene query searches would run for <paramref name="query"/>; null with the reason where there is none.</summary>
    private (Query? Query, string Message) BuildQuery(IndexSearcher searcher, string query, QueryWeights? weights)
    {
        var (parsed, error) = QuerySyntax.Parse(query);
        if (parsed is null) return (null, error!);
        var built = new Querying.QueryBuilder(weights ?? QueryWeights.Default, searcher.IndexReader, _accumulators).Build(parsed);
        return built is null ? (null, "(nothing searchable)") : (built, "");
    }
}
