using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Tests.Querying;

/// <summary>One index of the sample regulations shared by the search tests.</summary>
public sealed class SearchFixture : IDisposable
{
    private readonly TempDirectory _temp = new();

    public SearchFixture()
    {
        Index = ArticleIndex.Open(_temp.Path);
        Index.Replace([Samples.DataSecurity(), Samples.Payments(), Samples.Banking()], r => r.File == "sample_banking.md" ? RegulationStatus.Repealed : RegulationStatus.InForce);
    }

    internal ArticleIndex Index { get; }

    public void Dispose()
    {
        Index.Dispose();
        _temp.Dispose();
    }
}
