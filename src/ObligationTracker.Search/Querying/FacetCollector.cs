using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Querying;

/// <summary>Counts every matching article per issuer, institution type, modality and status, and the distinct
/// regulations, from doc values (no stored fields are read).</summary>
internal sealed class FacetCollector(bool countFacets) : ICollector
{
    private static readonly string[] Fields = [ArticleFields.Issuer, ArticleFields.InstitutionType, ArticleFields.Modality, ArticleFields.Status];

    private readonly Dictionary<string, int>[] _counts = Fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    private readonly HashSet<string> _regulations = new(StringComparer.Ordinal);
    private SortedSetDocValues[] _values = [];
    private long[][] _ordCounts = [];
    private SortedDocValues? _regulation;
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
        var reader = context.AtomicReader;
        _regulation = reader.GetSortedDocValues(ArticleFields.Regulation) ?? DocValues.EMPTY_SORTED;
        _regulationSeen = new bool[Math.Max(_regulation.ValueCount, 0)];
        if (!countFacets) return;
        _values = Fields.Select(f => reader.GetSortedSetDocValues(f) ?? DocValues.EMPTY_SORTED_SET).ToArray();
        _ordCounts = _values.Select(v => new long[v.ValueCount]).ToArray();
    }

    public void Collect(int doc)
    {
        var ord = _regulation!.GetOrd(doc);
        if (ord >= 0) _regulationSeen[ord] = true;
        if (!countFacets) return;
        for (var f = 0; f < _values.Length; f++)
        {
            var values = _values[f];
            values.SetDocument(doc);
            long o;
            while ((o = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) _ordCounts[f][o]++;
        }
    }

    private void FinishSegment()
    {
        var bytes = new BytesRef();
        if (_regulation is not null)
        {
            for (var o = 0; o < _regulationSeen.Length; o++)
            {
                if (!_regulationSeen[o]) continue;
                _regulation.LookupOrd(o, bytes);
                _regulations.Add(bytes.Utf8ToString());
            }
        }

        for (var f = 0; f < _values.Length; f++)
        {
            for (var o = 0; o < _ordCounts[f].Length; o++)
            {
                if (_ordCounts[f][o] == 0) continue;
                _values[f].LookupOrd(o, bytes);
                var key = bytes.Utf8ToString();
                _counts[f][key] = _counts[f].GetValueOrDefault(key) + (int)_ordCounts[f][o];
            }
        }

        _regulation = null;
        _regulationSeen = [];
        _values = [];
        _ordCounts = [];
    }
}
