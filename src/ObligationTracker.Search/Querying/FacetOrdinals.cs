using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Querying;

/// <summary>The facet fields' doc values of one segment unpacked into plain arrays, once per segment and kept while the
/// segment lives: reading Lucene's packed sorted-set doc values for every matching article cost more than the ranking.</summary>
/// <remarks>
/// The values every article of a regulation holds (its issuer and status) are kept per regulation. The rest are folded
/// into groups: the documents of one regulation holding the same other values and the same institution types share a
/// group, so counting a matching document is one increment of its group's count (<see cref="Groups"/>), and each touched
/// group's count goes to its regulation, its values and its set of types (<see cref="TypeSets"/>) when the segment is done. Deletions do not change a segment's doc
/// values, so segments shared by successive readers share these arrays, and what is shared (found over deleted articles
/// too) stays shared.
/// </remarks>
internal sealed class FacetOrdinals
{
    private FacetOrdinals(AtomicReader reader)
    {
        var regulation = reader.GetSortedDocValues(ArticleFields.Regulation) ?? DocValues.EMPTY_SORTED;
        RegulationOrdinals = new int[reader.MaxDoc];
        for (var doc = 0; doc < reader.MaxDoc; doc++) RegulationOrdinals[doc] = regulation.GetOrd(doc);
        var bytes = new BytesRef();
        Regulations = new string[regulation.ValueCount];
        for (var o = 0; o < Regulations.Length; o++)
        {
            regulation.LookupOrd(o, bytes);
            Regulations[o] = bytes.Utf8ToString();
        }

        var columns = FacetColumns.Fields.Length;
        var own = new List<int>[columns][];
        Values = new FacetColumnValues[columns];
        for (var c = 0; c < columns; c++) (Values[c], own[c]) = FacetColumnValues.Read(reader, c, RegulationOrdinals, Regulations.Length);
        TypeSets = FacetTypeSets.Read(reader);
        (Groups, GroupRegulations, GroupTypeSets, GroupValueStarts, GroupValueFields, GroupValueOrdinals) = BuildGroups(RegulationOrdinals, TypeSets.OfDocument, own);
    }

    /// <summary>Numbers the distinct (regulation, set of types, own values) combinations of the documents, and lists each one's values.</summary>
    private static (int[] Groups, int[] Regulations, int[] TypeSets, int[] ValueStarts, int[] ValueFields, int[] ValueOrdinals) BuildGroups(
        int[] regulationOrdinals, int[] typeSets, List<int>[][] own)
    {
        var groups = new int[regulationOrdinals.Length];
        var groupOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var key = new System.Text.StringBuilder();
        var (regulations, sets, valueStarts, valueFields, valueOrdinals) = (new List<int>(), new List<int>(), new List<int>(), new List<int>(), new List<int>());
        for (var doc = 0; doc < groups.Length; doc++)
        {
            key.Clear().Append(regulationOrdinals[doc]).Append('|').Append(typeSets[doc]);
            for (var f = 0; f < own.Length; f++)
            {
                key.Append('|');
                foreach (var o in own[f][doc]) key.Append(o).Append(',');
            }

            var text = key.ToString();
            if (!groupOf.TryGetValue(text, out var group))
            {
                groupOf[text] = group = regulations.Count;
                regulations.Add(regulationOrdinals[doc]);
                sets.Add(typeSets[doc]);
                valueStarts.Add(valueFields.Count);
                for (var f = 0; f < own.Length; f++)
                {
                    foreach (var o in own[f][doc])
                    {
                        valueFields.Add(f);
                        valueOrdinals.Add(o);
                    }
                }
            }

            groups[doc] = group;
        }

        valueStarts.Add(valueFields.Count);
        return (groups, [.. regulations], [.. sets], [.. valueStarts], [.. valueFields], [.. valueOrdinals]);
    }

    /// <summary>Per ordinal: the regulation (its file name). Arrays, not doc values: those are not safe to share between threads.</summary>
    public string[] Regulations { get; }

    /// <summary>Per document: its regulation's ordinal (-1 where none).</summary>
    public int[] RegulationOrdinals { get; }

    /// <summary>Per facet column (<see cref="FacetColumns"/>): the values of each regulation's articles, and labels.</summary>
    public FacetColumnValues[] Values { get; }

    /// <summary>Per document: its group (its regulation and the values it holds beyond those of <see cref="Values"/>).</summary>
    public int[] Groups { get; }

    /// <summary>Per group: its regulation's ordinal (-1 where none).</summary>
    public int[] GroupRegulations { get; }

    /// <summary>The institution types of the documents, as sets.</summary>
    public FacetTypeSets TypeSets { get; }

    /// <summary>Per group: its set of institution types.</summary>
    public int[] GroupTypeSets { get; }

    /// <summary>Per group: where its values begin in <see cref="GroupValueFields"/> and <see cref="GroupValueOrdinals"/>
    /// (one more entry than groups).</summary>
    public int[] GroupValueStarts { get; }

    /// <summary>Per group value: its column (<see cref="FacetColumns"/>).</summary>
    public int[] GroupValueFields { get; }

    /// <summary>Per group value: its ordinal in that column's <see cref="FacetColumnValues.Labels"/>.</summary>
    public int[] GroupValueOrdinals { get; }

    /// <summary>Zeroed counters for counting one search's matches in this segment: per group, per regulation, per column
    /// value, per set of types, and per type as named and as concerned. A collector gives them back zeroed (it clears only what it touched), so a search allocates none.</summary>
    public Counters RentCounters() => _counters.TryTake(out var counters)
        ? counters
        : new Counters(new int[GroupRegulations.Length], new int[Regulations.Length], Values.Select(v => new int[v.Labels.Length]).ToArray(),
            new int[TypeSets.Count], new int[TypeSets.Labels.Length], new int[TypeSets.Labels.Length]);

    public void ReturnCounters(Counters counters) => _counters.Add(counters);

    private readonly System.Collections.Concurrent.ConcurrentBag<Counters> _counters = [];

    public sealed record Counters(int[] Groups, int[] Regulations, int[][] Values, int[] TypeSets, int[] Named, int[] Concerned);

    /// <summary>Per index: segments (by their core, which deletions do not change) to their unpacked ordinals.</summary>
    public sealed class Cache
    {
        private readonly ConditionalWeakTable<object, FacetOrdinals> _segments = new();

        public FacetOrdinals For(AtomicReader reader) => _segments.GetValue(reader.CoreCacheKey, _ => new FacetOrdinals(reader));
    }
}
