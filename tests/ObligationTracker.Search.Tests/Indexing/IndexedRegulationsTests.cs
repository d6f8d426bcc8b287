using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Tests.Indexing;

/// <summary>What the index says it holds: the catch-up between nodes compares this with the store.</summary>
public class IndexedRegulationsTests
{
    [Fact]
    public void Indexed_AfterApply_ReportsVersionAndStatusPerFile()
    {
        using var temp = new TempDirectory();
        using var index = ArticleIndex.Open(temp.Path);

        index.Apply([new RegulationUpdate(Samples.Banking(), "h1", RegulationStatus.Repealed, null), new RegulationUpdate(Samples.Payments(), "h2", RegulationStatus.InForce, null)], []);

        Assert.Equal(
            [new IndexedRegulation("sample_banking.md", "h1", RegulationStatus.Repealed), new IndexedRegulation("sample_payments.md", "h2", RegulationStatus.InForce)],
            index.Indexed());
    }

    [Fact]
    public void Indexed_RegulationIndexedWithoutVersion_ListedWithNone()
    {
        using var test = TestIndex.With(Samples.Banking());

        Assert.Equal([new IndexedRegulation("sample_banking.md", null, null)], test.Index.Indexed());
    }

    [Fact]
    public void Delete_RecordedRegulation_LeavesNeitherArticlesNorRecord()
    {
        using var temp = new TempDirectory();
        using var index = ArticleIndex.Open(temp.Path);
        index.Replace(Samples.Banking(), "h1", RegulationStatus.InForce, null);
        index.Replace(Samples.Payments(), "h2", RegulationStatus.InForce, null);

        index.Delete("sample_banking.md");

        Assert.Equal(["sample_payments.md"], index.Indexed().Select(i => i.File));
        Assert.Null(index.IndexedVersion("sample_banking.md"));
    }

    [Fact]
    public void Indexed_ReadOnlyIndex_ReadsTheLastCommit()
    {
        using var temp = new TempDirectory();
        using (var writer = ArticleIndex.Open(temp.Path))
            writer.Replace(Samples.Banking(), "h1", RegulationStatus.NotYetEffective, null);

        using var reader = ArticleIndex.OpenReadOnly(temp.Path)!;

        Assert.Equal([new IndexedRegulation("sample_banking.md", "h1", RegulationStatus.NotYetEffective)], reader.Indexed());
    }

    [Fact]
    public void Apply_ConcurrentCommits_KeepEveryRecord()
    {
        using var temp = new TempDirectory();
        using var index = ArticleIndex.Open(temp.Path);
        var regulations = Enumerable.Range(0, 8).Select(i => Samples.Banking() with { File = $"r{i}.md" }).ToList();

        Parallel.ForEach(regulations, r => index.Replace(r, "v-" + r.File, RegulationStatus.InForce, null));

        Assert.Equal(regulations.Select(r => "v-" + r.File).Order(), index.Indexed().Select(i => i.Version!).Order());
    }
}
