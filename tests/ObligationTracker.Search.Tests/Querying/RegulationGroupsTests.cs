using Lucene.Net.Search;
using ObligationTracker.Search.Querying;

namespace ObligationTracker.Search.Tests.Querying;

public class RegulationGroupsTests
{
    private static readonly string[] RegulationNames = [.. Enumerable.Range(0, 9).Select(i => $"r{i}")];

    /// <summary>Random matches: scores drawn from few values so that ties are common, each in one of a few regulations.</summary>
    private static (ScoreDoc[] Docs, Func<int, string?> RegulationOf) Matches(int seed, int count)
    {
        var random = new Random(seed);
        var regulations = new string[count];
        var docs = new ScoreDoc[count];
        for (var doc = 0; doc < count; doc++)
        {
            regulations[doc] = RegulationNames[random.Next(RegulationNames.Length)];
            docs[doc] = new ScoreDoc(doc, random.Next(1, 25) / 4f);
        }

        // Lucene's order: best score first, ties by document number.
        return ([.. docs.OrderByDescending(d => d.Score).ThenBy(d => d.Doc)], doc => regulations[doc]);
    }

    [Theory]
    [InlineData(1, 0f, 0.8f)]
    [InlineData(3, 0f, 0.8f)]
    [InlineData(10, 0f, 0.8f)]
    [InlineData(3, 0.5f, 0f)]
    [InlineData(100, 0.3f, 0.5f)]
    [InlineData(3, 0f, 1.5f)] // a further article must beat the next regulation's best
    public void Arrange_SettledEntriesOfAPool_AreThoseOfTheWholeList(int perRegulation, float floor, float nextFloor)
    {
        var settledSomewhere = 0;
        for (var seed = 0; seed < 200; seed++)
        {
            var (all, regulationOf) = Matches(seed, 60);
            var (whole, wholeSettled) = RegulationGroups.Arrange(BestFirst.Order(all, regulationOf), regulationOf, perRegulation, floor, nextFloor, null);
            Assert.Equal(whole.Count, wholeSettled);
            Assert.Equal(all.Length, whole.Count);
            foreach (var size in new[] { 5, 12, 30, 59 })
            {
                var pool = all[..size];
                var (hits, settled) = RegulationGroups.Arrange(BestFirst.Order(pool, regulationOf), regulationOf, perRegulation, floor, nextFloor, pool[^1].Score);
                Assert.Equal(whole.Take(settled), hits.Take(settled));
                settledSomewhere += settled;
            }
        }

        Assert.True(settledSomewhere > 0, "no pool settled any entry: the check above tested nothing");
    }

    [Fact]
    public void Arrange_WholeList_RegulationsByBestArticleAndHeldBackArticlesLast()
    {
        string? RegulationOf(int doc) => doc < 3 ? "a" : "b";
        ScoreDoc[] docs = [new(0, 10f), new(3, 9f), new(1, 8f), new(2, 5f), new(4, 4f)];

        var (hits, settled) = RegulationGroups.Arrange(docs, RegulationOf, 2, 0f, 0.8f, null);

        // a's second article (8) clears 0.8 × b's best (9); its third is over the limit of two and comes after the groups.
        Assert.Equal([0, 1, 3, 4, 2], hits.Select(h => h.Doc));
        Assert.Equal([1, 1, 2, 2, 1], hits.Select(h => h.RegulationRank));
        Assert.Equal(5, settled);
    }
}
