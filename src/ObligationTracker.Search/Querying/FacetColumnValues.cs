using Lucene.Net.Index;
using Lucene.Net.Util;

namespace ObligationTracker.Search.Querying;

/// <summary>One facet column's values in a segment (<see cref="FacetColumns"/>): those all the articles of a regulation
/// hold, per regulation, and their labels.</summary>
/// <param name="RegulationStarts">Per regulation ordinal: where its shared values begin in <see cref="RegulationOrdinals"/> (one more entry than regulations).</param>
/// <param name="Labels">Per ordinal: the name counted.</param>
internal sealed record FacetColumnValues(int[] RegulationStarts, int[] RegulationOrdinals, string[] Labels)
{
    /// <summary>The column's names shared per regulation, and per document the others (its own).</summary>
    public static (FacetColumnValues Shared, List<int>[] Own) Read(AtomicReader reader, int column, int[] regulationOrdinals, int regulations)
    {
        var (perDocument, labels) = Named(reader, column);

        // Values shared by all of a regulation's articles in this segment (deleted ones too, so it stays true).
        var shared = new HashSet<int>?[regulations];
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            var regulation = regulationOrdinals[doc];
            if (regulation < 0) continue;
            if (shared[regulation] is { } set) set.IntersectWith(perDocument[doc]);
            else shared[regulation] = [.. perDocument[doc]];
        }

        var regulationStarts = new int[regulations + 1];
        var regulationValues = new List<int>();
        for (var regulation = 0; regulation < regulations; regulation++)
        {
            regulationStarts[regulation] = regulationValues.Count;
            if (shared[regulation] is { } set) regulationValues.AddRange(set.Order());
        }

        regulationStarts[regulations] = regulationValues.Count;
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            var regulation = regulationOrdinals[doc];
            if (regulation >= 0) perDocument[doc].RemoveAll(shared[regulation]!.Contains);
        }

        return (new FacetColumnValues(regulationStarts, [.. regulationValues], labels), perDocument);
    }

    /// <summary>Per document, the ordinals of the names its field's values are counted under; and the names.</summary>
    private static (List<int>[] PerDocument, string[] Labels) Named(AtomicReader reader, int column)
    {
        var values = reader.GetSortedSetDocValues(FacetColumns.Fields[column]) ?? DocValues.EMPTY_SORTED_SET;
        // Each indexed value's names, numbered in the order first met.
        var ordinalOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new int[values.ValueCount][];
        var bytes = new BytesRef();
        for (var o = 0; o < names.Length; o++)
        {
            values.LookupOrd(o, bytes);
            names[o] = [.. FacetColumns.Names(column, bytes.Utf8ToString()).Select(n => ordinalOf.TryGetValue(n, out var at) ? at : ordinalOf[n] = ordinalOf.Count)];
        }

        var perDocument = new List<int>[reader.MaxDoc];
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            var list = perDocument[doc] = [];
            values.SetDocument(doc);
            long o;
            while ((o = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                foreach (var name in names[o])
                    if (!list.Contains(name)) list.Add(name);
        }

        var labels = new string[ordinalOf.Count];
        foreach (var (name, at) in ordinalOf) labels[at] = name;
        return (perDocument, labels);
    }
}
