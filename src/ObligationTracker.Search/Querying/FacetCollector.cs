using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ObligationTracker.Search.Querying;

/// <summary>Counts every matching article per issuer, institution type, modality and status, and the distinct
/// regulations, from doc values unpacked once per segment (<see cref="FacetOrdinals"/>; no stored fields are read).</summary>
internal sealed class FacetCollector(bool countFacets, FacetOrdinals.Cache cache) : ICollector
{
    private static readonly string[] Fields = FacetOrdinals.Fields;

    private readonly Dictionary<string, int>[] _counts = Fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    private readonly HashSet<string> _regulations = new(StringComparer.Ordinal);
    private FacetOrdinals? _segment;
    private int[][] _ordCounts = [];
    private bool[] _regulationSeen = [];

    public bool AcceptsDocsOutOfOrder => true;

    public int Regulations
    {
        get
        {
            FinishSegment();
            return _regulations.Count;
        }
    }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Counts()
    {
        FinishSegment();
        var result = new Dictionary<string, IReadOnlyDictionary<string, int>>();
        if (!countFacets) return result;
        for (var f = 0; f < Fields.Length; f++)
            result[Fields[f]] = _counts[f].OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
                .ToDictionary(p => p.Key, p => p.Value);
        return result;
    }

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FinishSegment();
        var segment = cache.For(context.AtomicReader);
        _segment = segment;
        _regulationSeen = new bool[segment.Regulations.Length];
        _ordCounts = countFacets ? segment.Labels.Select(l => new int[l.Length]).ToArray() : [];
    }

    public void Collect(int doc)
    {
        var segment = _segment!;
        var ord = segment.RegulationOrdinals[doc];
        if (ord >= 0) _regulationSeen[ord] = true;
        for (var f = 0; f < _ordCounts.Length; f++)
        {
            var ordinals = segment.Ordinals[f];
            var counts = _ordCounts[f];
            for (int i = segment.Starts[f][doc], end = segment.Starts[f][doc + 1]; i < end; i++) counts[ordinals[i]]++;
        }
    }

    private void FinishSegment()
    {
        if (_segment is not { } segment) return;
        for (var o = 0; o < _regulationSeen.Length; o++)
            if (_regulationSeen[o]) _regulations.Add(segment.Regulations[o]);

        for (var f = 0; f < _ordCounts.Length; f++)
        {
            for (var o = 0; o < _ordCounts[f].Length; o++)
            {
                if (_ordCounts[f][o] == 0) continue;
                var key = segment.Labels[f][o];
                _counts[f][key] = _counts[f].GetValueOrDefault(key) + _ordCounts[f][o];
            }
        }

        _segment = null;
        _regulationSeen = [];
        _ordCounts = [];
    }
}
