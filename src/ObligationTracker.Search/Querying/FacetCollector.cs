using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ObligationTracker.Search.Querying;

/// <summary>Counts every matching article per issuer, institution type, modality and status, and the distinct
/// regulations, from doc values unpacked once per segment (<see cref="FacetOrdinals"/>; no stored fields are read).</summary>
/// <remarks>Each matching article adds one to its regulation; the values a regulation's articles all share are counted
/// from those sums when the segment is done, the others article by article.</remarks>
internal sealed class FacetCollector(bool countFacets, FacetOrdinals.Cache cache) : ICollector
{
    private static readonly string[] Fields = FacetOrdinals.Fields;

    private readonly Dictionary<string, int>[] _counts = Fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    private int _regulations;
    private FacetOrdinals? _segment;
    private int[] _regulationOrdinals = [];
    private int[] _perRegulation = [];

    /// <summary>The regulations of this segment with a matching article, in the order first met.</summary>
    private readonly List<int> _matchedRegulations = [];

    /// <summary>Per field (empty arrays where nothing is counted article by article): its per-article values in this segment, and their counts per ordinal.</summary>
    private (int[] Starts, int[] Ordinals, int[] Counts)[] _perArticle = [];

    /// <summary>The same, only the fields counted article by article (Collect's loop, per matching article).</summary>
    private (int[] Starts, int[] Ordinals, int[] Counts)[] _articleFields = [];

    public bool AcceptsDocsOutOfOrder => true;

    public int Regulations
    {
        get
        {
            FinishSegment();
            return _regulations;
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
        _regulationOrdinals = segment.RegulationOrdinals;
        _perRegulation = new int[segment.Regulations.Length];
        _perArticle = countFacets
            ? segment.Values.Select(v => v.Starts is { } starts ? (starts, v.Ordinals, new int[v.Labels.Length]) : ([], [], [])).ToArray()
            : [];
        _articleFields = [.. _perArticle.Where(f => f.Starts.Length > 0)];
    }

    public void Collect(int doc)
    {
        var ord = _regulationOrdinals[doc];
        if (ord >= 0 && _perRegulation[ord]++ == 0) _matchedRegulations.Add(ord);
        foreach (var (starts, ordinals, counts) in _articleFields)
            for (int i = starts[doc], end = starts[doc + 1]; i < end; i++) counts[ordinals[i]]++;
    }

    private void FinishSegment()
    {
        if (_segment is not { } segment) return;
        for (var f = 0; f < Fields.Length && countFacets; f++)
        {
            var values = segment.Values[f];
            var counts = _perArticle[f].Counts.Length > 0 ? _perArticle[f].Counts : new int[values.Labels.Length];
            foreach (var r in _matchedRegulations)
                for (var i = values.RegulationStarts[r]; i < values.RegulationStarts[r + 1]; i++) counts[values.RegulationOrdinals[i]] += _perRegulation[r];

            for (var o = 0; o < counts.Length; o++)
                if (counts[o] > 0) _counts[f][values.Labels[o]] = _counts[f].GetValueOrDefault(values.Labels[o]) + counts[o];
        }

        // A regulation's live articles are all in one segment (they are added in one block, which merges keep together;
        // a replaced version's articles are deleted), so the segments' counts of regulations add up.
        _regulations += _matchedRegulations.Count;
        _matchedRegulations.Clear();

        _segment = null;
        _perRegulation = [];
        _perArticle = [];
        _articleFields = [];
    }
}
