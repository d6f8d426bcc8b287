using Lucene.Net.Search.Similarities;

namespace ObligationTracker.Search.Querying;

/// <summary>BM25 with the classic coordination factor restored for the queries that ask for it: an article matching
/// three of four typed words outranks one matching a single rare word many times.</summary>
internal sealed class CoverageSimilarity(float k1, float b) : BM25Similarity(k1, b)
{
    public override float Coord(int overlap, int maxOverlap) => maxOverlap == 0 ? 1f : (float)overlap / maxOverlap;
}
