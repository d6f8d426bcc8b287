using Lucene.Net.Index;
using Lucene.Net.Store;
using ObligationTracker.Search.Indexing;
using ObligationTracker.Search.Querying;

namespace ObligationTracker.Search.Tests.Indexing;

public class ArticleIndexTests
{
    private static long CommitGeneration(string path)
    {
        using var directory = FSDirectory.Open(path);
        return DirectoryReader.ListCommits(directory)[^1].Generation;
    }

    private static IReadOnlyList<string> Files(ArticleIndex index, string query) =>
        index.Search(new SearchRequest(query) { Highlight = false }).Hits.Select(h => $"{h.File}#{h.Article}").ToList();

    [Fact]
    public void Replace_ReingestedRegulation_ReplacesItsArticlesInOneCommit()
    {
        using var temp = new TempDirectory();
        using var index = ArticleIndex.Open(temp.Path);
        index.Replace(Samples.DataSecurity());
        index.Replace(Samples.Payments());
        var before = CommitGeneration(temp.Path);
        Assert.Equal(7, index.Count);

        var shorter = Samples.Make("sample_data_security.md", "银行保险机构数据安全办法", null, ["国家金融监督管理总局"], null,
            (1, "银行保险机构应当指定数据安全负责人。"));
        index.Replace(shorter);

        Assert.Equal(before + 1, CommitGeneration(temp.Path));
        Assert.Equal(5, index.Count);
        Assert.Empty(Files(index, "\"二十四小时\""));
        Assert.Equal(["sample_data_security.md#1"], Files(index, "\"数据安全负责人\""));
    }

    [Fact]
    public void Open_AfterProcessKilledBeforeCommit_ReopensAtLastCommitAndNextIngestCompletes()
    {
        using var live = new TempDirectory();
        using var copy = new TempDirectory();
        using (var index = ArticleIndex.Open(live.Path))
        {
            index.Replace(Samples.DataSecurity());
            var replacement = Samples.Make("sample_data_security.md", "银行保险机构数据安全办法", null, [], null, (1, "只剩一条关于灾难恢复的规定。"));
            index.Stage([replacement, Samples.Payments()], null, null);
            index.FlushWithoutCommit();
            // The files on disk at this moment are what a killed process leaves.
            foreach (var file in System.IO.Directory.GetFiles(live.Path))
                File.Copy(file, Path.Combine(copy.Path, Path.GetFileName(file)));
        }

        using (var reopened = ArticleIndex.Open(copy.Path))
        {
            Assert.Equal(3, reopened.Count);
            Assert.Empty(Files(reopened, "灾难恢复"));
            Assert.Contains("sample_data_security.md#2", Files(reopened, "数据安全事件"));
            reopened.Replace([Samples.Payments()]);
            Assert.Equal(7, reopened.Count);
        }
    }

    [Fact]
    public void Stage_SeveralRegulationsOnEveryCore_LeavesNothingBufferedForTheCommit()
    {
        using var temp = new TempDirectory();
        using var index = ArticleIndex.Open(temp.Path);
        index.Stage([Samples.DataSecurity(), Samples.Payments(), Samples.Banking()], null, null);

        Assert.Equal(0, index.BufferedDocuments);
        index.Replace([]);
        Assert.Equal(10, index.Count);
    }

    [Fact]
    public void OpenReadOnly_WhileWriterOpen_SeesCommittedArticles()
    {
        using var temp = new TempDirectory();
        using var writer = ArticleIndex.Open(temp.Path);
        writer.Replace(Samples.Banking());
        using var reader = ArticleIndex.OpenReadOnly(temp.Path);
        Assert.NotNull(reader);
        Assert.Equal(3, reader.Count);
        Assert.Throws<InvalidOperationException>(() => reader.Replace(Samples.Payments()));
    }

    [Fact]
    public void OpenReadOnly_NoIndex_ReturnsNull()
    {
        using var temp = new TempDirectory();
        Assert.Null(ArticleIndex.OpenReadOnly(Path.Combine(temp.Path, "absent")));
        Assert.Null(ArticleIndex.OpenReadOnly(temp.Path));
    }

    [Fact]
    public void Delete_Regulation_RemovesOnlyItsArticles()
    {
        using var test = TestIndex.With(Samples.Banking(), Samples.Payments());
        test.Index.Delete("sample_banking.md");
        Assert.Equal(4, test.Index.Count);
    }

    [Fact]
    public void Issuers_AfterARegulationIsDeleted_ListOnlyTheIssuersOfWhatIsLeft()
    {
        using var test = TestIndex.With(
            Samples.Make("a.md", "甲办法", null, ["中国人民银行", "国家金融监督管理总局"], null, (1, "银行应当报告。")),
            Samples.Make("b.md", "乙办法", null, ["中国证券监督管理委员会"], null, (1, "证券公司应当报告。")));
        Assert.Equal(["中国人民银行", "中国证券监督管理委员会", "国家金融监督管理总局"], test.Index.Issuers().Order(StringComparer.Ordinal));

        test.Index.Delete("b.md");

        Assert.Equal(["中国人民银行", "国家金融监督管理总局"], test.Index.Issuers().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Search_AfterRegulationReplaced_FacetCountsFollowTheNewCommit()
    {
        using var temp = new TempDirectory();
        using var index = ArticleIndex.Open(temp.Path);
        index.Replace([Samples.DataSecurity(), Samples.Payments()]);
        var before = index.Search(new SearchRequest("机构") { Highlight = false });
        Assert.Equal(3, before.Facets[ArticleFields.Issuer]["国家金融监督管理总局"]);

        index.Replace(Samples.Make("sample_data_security.md", "银行保险机构数据安全办法", null, ["中国人民银行"], null,
            (1, "银行保险机构应当指定数据安全负责人。")));
        var after = index.Search(new SearchRequest("机构") { Highlight = false });

        Assert.False(after.Facets[ArticleFields.Issuer].ContainsKey("国家金融监督管理总局"));
        Assert.Equal(after.TotalArticles, after.Facets[ArticleFields.Issuer]["中国人民银行"]);
        Assert.Equal(2, after.TotalRegulations);
    }
}
