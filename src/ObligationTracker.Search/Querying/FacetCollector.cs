using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ObligationTracker.Search.Querying;

/// <summary>Counts every matching article per issuer, institution type, modality and status (under every name a filter
/// keeps it for: <see cref="FacetColumns"/>), and the distinct regulations, from doc values unpacked once per segment
/// (<see cref="FacetOrdinals"/>; no stored fields are read).</summary>
/// <remarks>A matching article adds one to its group's count (its regulation, its set of types and its own values); when
/// the segment is done, each touched group's count goes to its regulation, its set of types and its values, each
/// regulation's to the values all its articles share, and each set's to its types. One array read and one increment per match: counting article by article had cost an eighth of a
/// search's CPU, most of it in cache misses over the per-document arrays.</remarks>
internal sealed class FacetCollector(bool countFacets, FacetOrdinals.Cache cache) : ICollector
{
    private readonly Dictionary<string, int>[] _counts = FacetColumns.Fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    private readonly Dictionary<string, int> _named = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _concerned = new(StringComparer.Ordinal);
    private int _regulations;
    private FacetOrdinals? _segment;
    private FacetOrdinals.Counters? _counters;

    // The segment's groups and the lent group counters, held apart from the two above because every match reads them.
    private int[] _groups = [];
    private int[] _groupCounts = [];

    /// <summary>The groups of this segment with a matching article, in the order first met.</summary>
    private readonly List<int> _touched = [];

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
        return countFacets ? FacetColumns.Report(_counts, _named, _concerned) : [];
    }

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FinishSegment();
        var segment = cache.For(context.AtomicReader);
        _segment = segment;
        _groups = segment.Groups;
        _counters = segment.RentCounters();
        _groupCounts = _counters.Groups;
    }

    public void Collect(int doc)
    {
        var group = _groups[doc];
        if (_groupCounts[group]++ == 0) _touched.Add(group);
    }

    private void FinishSegment()
    {
        if (_segment is not { } segment || _counters is not { } counters) return;
        var perRegulation = counters.Regulations;
        var matched = new List<int>();
        var counts = countFacets ? counters.Values : [];
        var (sets, setCounts) = (segment.TypeSets, counters.TypeSets);
        var touchedSets = new List<int>();
        foreach (var group in _touched)
        {
            var count = _groupCounts[group];
            _groupCounts[group] = 0;
            if (segment.GroupRegulations[group] is var regulation and >= 0)
            {
                if (perRegulation[regulation] == 0) matched.Add(regulation);
                perRegulation[regulation] += count;
            }

            if (!countFacets) continue;
            var set = segment.GroupTypeSets[group];
            if (setCounts[set] == 0) touchedSets.Add(set);
            setCounts[set] += count;
            for (var i = segment.GroupValueStarts[group]; i < segment.GroupValueStarts[group + 1]; i++)
                counts[segment.GroupValueFields[i]][segment.GroupValueOrdinals[i]] += count;
        }

        for (var f = 0; f < counts.Length; f++)
        {
            var values = segment.Values[f];
            foreach (var r in matched)
                for (var i = values.RegulationStarts[r]; i < values.RegulationStarts[r + 1]; i++) counts[f][values.RegulationOrdinals[i]] += perRegulation[r];
            Gather(values.Labels, counts[f], _counts[f]);
        }

        foreach (var r in matched) perRegulation[r] = 0;
        foreach (var set in touchedSets)
        {
            var count = setCounts[set];
            setCounts[set] = 0;
            for (var i = sets.NamedStarts[set]; i < sets.NamedStarts[set + 1]; i++) counters.Named[sets.Named[i]] += count;
            for (var i = sets.ConcernedStarts[set]; i < sets.ConcernedStarts[set + 1]; i++) counters.Concerned[sets.Concerned[i]] += count;
        }

        Gather(sets.Labels, counters.Named, _named);
        Gather(sets.Labels, counters.Concerned, _concerned);

        // A regulation's live articles are all in one segment (they are added in one block, which merges keep together;
        // a replaced version's articles are deleted), so the segments' counts of regulations add up.
        _regulations += matched.Count;
        _touched.Clear();
        segment.ReturnCounters(counters); // zeroed above
        _segment = null;
        _counters = null;
        _groups = [];
        _groupCounts = [];
    }

    /// <summary>Adds a segment's counts to the search's by label, and zeroes them.</summary>
    private static void Gather(string[] labels, int[] counts, Dictionary<string, int> into)
    {
        for (var o = 0; o < counts.Length; o++)
        {
            if (counts[o] == 0) continue;
            into[labels[o]] = into.GetValueOrDefault(labels[o]) + counts[o];
            counts[o] = 0;
        }
    }
}
