using Lucene.Net.Index;
using Lucene.Net.Util;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Querying;

/// <summary>The institution types of one segment's documents as the distinct sets of types they name, each set with the
/// types it concerns (<see cref="FacetColumns.Concerned"/>).</summary>
/// <remarks>A search counts a touched group's documents once, for its set; each touched set's count then goes to its
/// types: the dozens of types an article on 金融机构 concerns are added once per set, not once per group or document
/// (counting them per group had doubled the facets' cost).</remarks>
internal sealed class FacetTypeSets
{
    private FacetTypeSets(int[] ofDocument, int[] namedStarts, int[] named, int[] concernedStarts, int[] concerned, string[] labels) =>
        (OfDocument, NamedStarts, Named, ConcernedStarts, Concerned, Labels) = (ofDocument, namedStarts, named, concernedStarts, concerned, labels);

    /// <summary>Per document: its set.</summary>
    public int[] OfDocument { get; }

    /// <summary>Per set: where its named types begin in <see cref="Named"/> (one more entry than sets).</summary>
    public int[] NamedStarts { get; }

    /// <summary>The sets' named types, as ordinals of <see cref="Labels"/>.</summary>
    public int[] Named { get; }

    /// <summary>Per set: where the types it concerns begin in <see cref="Concerned"/> (one more entry than sets).</summary>
    public int[] ConcernedStarts { get; }

    /// <summary>The types the sets concern, as ordinals of <see cref="Labels"/>.</summary>
    public int[] Concerned { get; }

    /// <summary>Per ordinal: the type's name.</summary>
    public string[] Labels { get; }

    public int Count => NamedStarts.Length - 1;

    public static FacetTypeSets Read(AtomicReader reader)
    {
        var values = reader.GetSortedSetDocValues(ArticleFields.InstitutionType) ?? DocValues.EMPTY_SORTED_SET;
        var ordinalOf = new Dictionary<string, int>(StringComparer.Ordinal);
        int Ordinal(string name) => ordinalOf.TryGetValue(name, out var at) ? at : ordinalOf[name] = ordinalOf.Count;
        var names = new string[values.ValueCount];
        var bytes = new BytesRef();
        for (var o = 0; o < names.Length; o++)
        {
            values.LookupOrd(o, bytes);
            names[o] = bytes.Utf8ToString();
        }

        var setOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var ofDocument = new int[reader.MaxDoc];
        var (namedStarts, named, concernedStarts, concerned) = (new List<int>(), new List<int>(), new List<int>(), new List<int>());
        var key = new System.Text.StringBuilder();
        var types = new List<string>();
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            key.Clear();
            types.Clear();
            values.SetDocument(doc);
            long o;
            while ((o = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                key.Append(o).Append(',');
                types.Add(names[o]);
            }

            var text = key.ToString();
            if (!setOf.TryGetValue(text, out var set))
            {
                setOf[text] = set = namedStarts.Count;
                namedStarts.Add(named.Count);
                concernedStarts.Add(concerned.Count);
                named.AddRange(types.Select(Ordinal));
                concerned.AddRange(types.SelectMany(FacetColumns.Concerned).Distinct(StringComparer.Ordinal).Select(Ordinal));
            }

            ofDocument[doc] = set;
        }

        namedStarts.Add(named.Count);
        concernedStarts.Add(concerned.Count);
        var labels = new string[ordinalOf.Count];
        foreach (var (name, at) in ordinalOf) labels[at] = name;
        return new FacetTypeSets(ofDocument, [.. namedStarts], [.. named], [.. concernedStarts], [.. concerned], labels);
    }
}
