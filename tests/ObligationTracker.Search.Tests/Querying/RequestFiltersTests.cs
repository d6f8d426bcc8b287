using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using ObligationTracker.Search.Indexing;
using ObligationTracker.Search.Querying;

namespace ObligationTracker.Search.Tests.Querying;

public class RequestFiltersTests
{
    /// <summary>Indexes made before the year became one term hold it as a trie (Lucene's default step); they must still
    /// filter by year without a re-ingest, beside documents written the new way.</summary>
    [Theory]
    [InlineData(2097, 2097, "new")]
    [InlineData(2018, 2019, "old")]
    [InlineData(2018, 2097, "new,old")]
    [InlineData(2020, 2096, "")]
    public void Build_YearRange_MatchesYearsWrittenAsOneTermAndAsTrie(int from, int to, string expected)
    {
        using var directory = new Lucene.Net.Store.RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, ArticleIndex.CreateAnalyzer())))
        {
            var written = ArticleDocuments.Build(Samples.Banking(), RegulationStatus.InForce, _ => ArticleTags.None)[0]; // year 2097
            written.Add(new StringField("which", "new", Field.Store.YES));
            writer.AddDocument(written);
            writer.AddDocument(new Document { new Int32Field(ArticleFields.Year, 2019, Field.Store.NO), new StringField("which", "old", Field.Store.YES) });
        }

        using var reader = DirectoryReader.Open(directory);
        var (filter, error) = RequestFilters.Build(new SearchRequest("x") { FromYear = from, ToYear = to }, reader);
        Assert.Null(error);
        Assert.NotNull(filter);
        var searcher = new IndexSearcher(reader);
        var found = searcher.Search(filter, 10).ScoreDocs.Select(d => searcher.Doc(d.Doc).Get("which")).Order(StringComparer.Ordinal);
        Assert.Equal(expected, string.Join(",", found));
    }
}
