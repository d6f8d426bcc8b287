using Lucene.Net.Analysis;
using Lucene.Net.Index;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Tests.Indexing;

public class ArticleDocumentsTests
{
    [Theory]
    [InlineData(ArticleFields.Title)]
    [InlineData(ArticleFields.TitleBigrams)]
    [InlineData(ArticleFields.Text)]
    public void Build_FieldAnalysedOncePerRegulation_IndexesTheTokensItsAnalyzerMakes(string field)
    {
        var analyzer = ArticleIndex.CreateAnalyzer();
        var checkedFields = 0;
        foreach (var regulation in new[] { Samples.DataSecurity(), Samples.Banking(), Samples.Payments() })
        {
            foreach (var doc in ArticleDocuments.Build(regulation, RegulationStatus.InForce, _ => ArticleTags.None))
            {
                foreach (var indexed in doc.GetFields(field))
                {
                    var expected = AnalyzedTokens.Read(analyzer, field, indexed.GetStringValue());
                    Assert.NotEmpty(expected);
                    Assert.Equal(expected, AnalyzedTokens.Read(indexed.GetTokenStream(analyzer)));
                    checkedFields++;
                }
            }
        }

        Assert.True(checkedFields >= 3, $"only {checkedFields} {field} fields built");
    }

    [Fact]
    public void Build_RegulationWideFields_IndexedAndStoredForEveryArticle()
    {
        var regulation = Samples.Banking();
        using var directory = new Lucene.Net.Store.RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, ArticleIndex.CreateAnalyzer())))
            writer.AddDocuments(ArticleDocuments.Build(regulation, RegulationStatus.Repealed, _ => ArticleTags.None));
        using var reader = DirectoryReader.Open(directory);
        var articles = regulation.Articles.Count;
        Assert.True(articles >= 3, $"the sample has only {articles} articles");
        Assert.Equal(articles, reader.DocFreq(new Term(ArticleFields.Regulation, regulation.File)));
        Assert.Equal(articles, reader.DocFreq(new Term(ArticleFields.Status, "repealed")));
        var titleWord = ObligationTracker.Search.Analysis.ChineseSegmenter.Instance.Words(regulation.Title)[0];
        Assert.Equal(articles, reader.DocFreq(new Term(ArticleFields.Title, titleWord)));
        for (var i = 0; i < reader.MaxDoc; i++)
            Assert.Equal(regulation.Title, reader.Document(i).Get(ArticleFields.Title));
    }

    [Fact]
    public void Build_Chapter_StoredForHitsButNotIndexed()
    {
        var docs = ArticleDocuments.Build(Samples.DataSecurity(), RegulationStatus.InForce, _ => ArticleTags.None);
        var chapter = docs[0].GetField(ArticleFields.Chapter);
        Assert.NotNull(chapter);
        Assert.Equal("第二章 数据安全治理", chapter.GetStringValue());
        Assert.False(chapter.IndexableFieldType.IsIndexed);
    }

    [Fact]
    public void Build_FirstArticlesOfTwoAttachments_KeepDistinctIdsAndStoreTheirAttachment()
    {
        var regulation = new Core.Structure.RegulationParser().Parse("opinions.md", """
            某类银行关于做好示范账户服务工作的指导意见
            一、各银行应当参照《示范开户指引》（附件1）优化开户服务。
            附件1
            示范开户指引
            第一条 银行应当公示开户流程。
            附件2
            示范代发指引
            第一条 银行应当及时反馈代发结果。
            """);

        var docs = ArticleDocuments.Build(regulation, RegulationStatus.InForce, _ => ArticleTags.None);

        Assert.Equal(["opinions.md#1", "opinions.md#att1.1", "opinions.md#att2.1"], docs.Select(d => d.Get(ArticleFields.Id)));
        Assert.Equal([null, 1, 2], docs.Select(d => d.GetField(ArticleFields.Attachment)?.GetInt32Value()));
        Assert.False(docs[1].GetField(ArticleFields.Attachment)!.IndexableFieldType.IsIndexed); // shown, never searched
    }
}
