using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace ObligationTracker.Search.Querying;

/// <summary>BM25 with the classic coordination factor restored for the queries that ask for it: an article matching
/// three of four typed words outranks one matching a single rare word many times. It also lends
/// <see cref="WordsQuery"/> the pieces of BM25 it combines across fields (BM25F).</summary>
internal sealed class CoverageSimilarity(float k1, float b) : BM25Similarity(k1, b)
{
    public override float Coord(int overlap, int maxOverlap) => maxOverlap == 0 ? 1f : (float)overlap / maxOverlap;

    /// <summary>BM25's inverse document frequency.</summary>
    public float InverseDocumentFrequency(long documentFrequency, long documents) => Idf(documentFrequency, documents);

    /// <summary>Per encoded norm byte: 1 / (1 − b + b · length / average length), what a term frequency is divided by
    /// before saturation (BM25's length normalisation) in a field whose collection statistics are given.</summary>
    public float[] InverseLengthFactors(CollectionStatistics statistics)
    {
        var average = AvgFieldLength(statistics);
        var factors = new float[256];
        for (var i = 0; i < factors.Length; i++) factors[i] = 1f / (1f - B + B * DecodeNormValue((byte)i) / average);
        return factors;
    }
}
