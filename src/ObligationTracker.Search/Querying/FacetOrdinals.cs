using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Querying;

/// <summary>The facet fields' doc values of one segment unpacked into plain arrays, once per segment and kept while the
/// segment lives: reading Lucene's packed sorted-set doc values for every matching article cost more than the ranking.</summary>
/// <remarks>
/// The values every article of a regulation holds (its issuer and status; the institution types its title names) are kept
/// per regulation. The rest are folded into groups: the documents of one regulation holding the same other values share a
/// group, so counting a matching document is one increment of its group's count (<see cref="Groups"/>), and each touched
/// group's count goes to its regulation and its values when the segment is done. Deletions do not change a segment's doc
/// values, so segments shared by successive readers share these arrays, and what is shared (found over deleted articles
/// too) stays shared.
/// </remarks>
internal sealed class FacetOrdinals
{
    /// <summary>The counted fields, in the order of <see cref="Values"/>.</summary>
    public static readonly string[] Fields = [ArticleFields.Issuer, ArticleFields.InstitutionType, ArticleFields.Modality, ArticleFields.Status];

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

        var own = new List<int>[Fields.Length][];
        Values = new FieldValues[Fields.Length];
        for (var f = 0; f < Fields.Length; f++) (Values[f], own[f]) = FieldValues.Read(reader, Fields[f], RegulationOrdinals, Regulations.Length);
        (Groups, GroupRegulations, GroupValueStarts, GroupValueFields, GroupValueOrdinals) = BuildGroups(RegulationOrdinals, own);
    }

    /// <summary>Numbers the distinct (regulation, own values) combinations of the documents, and lists each one's values.</summary>
    private static (int[] Groups, int[] Regulations, int[] ValueStarts, int[] ValueFields, int[] ValueOrdinals) BuildGroups(int[] regulationOrdinals, List<int>[][] own)
    {
        var groups = new int[regulationOrdinals.Length];
        var groupOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var key = new System.Text.StringBuilder();
        var (regulations, valueStarts, valueFields, valueOrdinals) = (new List<int>(), new List<int>(), new List<int>(), new List<int>());
        for (var doc = 0; doc < groups.Length; doc++)
        {
            key.Clear().Append(regulationOrdinals[doc]);
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
        return (groups, [.. regulations], [.. valueStarts], [.. valueFields], [.. valueOrdinals]);
    }

    /// <summary>Per ordinal: the regulation (its file name). Arrays, not doc values: those are not safe to share between threads.</summary>
    public string[] Regulations { get; }

    /// <summary>Per document: its regulation's ordinal (-1 where none).</summary>
    public int[] RegulationOrdinals { get; }

    /// <summary>Per counted field (in the order of <see cref="Fields"/>): the values of each regulation's articles, and labels.</summary>
    public FieldValues[] Values { get; }

    /// <summary>Per document: its group (its regulation and the values it holds beyond those of <see cref="Values"/>).</summary>
    public int[] Groups { get; }

    /// <summary>Per group: its regulation's ordinal (-1 where none).</summary>
    public int[] GroupRegulations { get; }

    /// <summary>Per group: where its values begin in <see cref="GroupValueFields"/> and <see cref="GroupValueOrdinals"/>
    /// (one more entry than groups).</summary>
    public int[] GroupValueStarts { get; }

    /// <summary>Per group value: its field's index in <see cref="Fields"/>.</summary>
    public int[] GroupValueFields { get; }

    /// <summary>Per group value: its ordinal in that field's <see cref="FieldValues.Labels"/>.</summary>
    public int[] GroupValueOrdinals { get; }

    /// <summary>Zeroed counters for counting one search's matches in this segment: per group, per regulation, per field
    /// value. A collector gives them back zeroed (it clears only what it touched), so a search allocates none.</summary>
    public Counters RentCounters() => _counters.TryTake(out var counters)
        ? counters
        : new Counters(new int[GroupRegulations.Length], new int[Regulations.Length], Values.Select(v => new int[v.Labels.Length]).ToArray());

    public void ReturnCounters(Counters counters) => _counters.Add(counters);

    private readonly System.Collections.Concurrent.ConcurrentBag<Counters> _counters = [];

    public sealed record Counters(int[] Groups, int[] Regulations, int[][] Values);

    /// <summary>One field's values held by all the articles of a regulation (in this segment), per regulation.</summary>
    /// <param name="RegulationStarts">Per regulation ordinal: where its shared values begin in <see cref="RegulationOrdinals"/> (one more entry than regulations).</param>
    /// <param name="Labels">Per ordinal: the value.</param>
    public sealed record FieldValues(int[] RegulationStarts, int[] RegulationOrdinals, string[] Labels)
    {
        /// <summary>The field's values shared per regulation, and per document the others (its own).</summary>
        public static (FieldValues Shared, List<int>[] Own) Read(AtomicReader reader, string field, int[] regulationOrdinals, int regulations)
        {
            var values = reader.GetSortedSetDocValues(field) ?? DocValues.EMPTY_SORTED_SET;
            var perDocument = new List<int>[reader.MaxDoc];
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                var list = perDocument[doc] = [];
                values.SetDocument(doc);
                long o;
                while ((o = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) list.Add((int)o);
            }

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

            var labels = new string[values.ValueCount];
            var bytes = new BytesRef();
            for (var o = 0; o < labels.Length; o++)
            {
                values.LookupOrd(o, bytes);
                labels[o] = bytes.Utf8ToString();
            }

            return (new FieldValues(regulationStarts, [.. regulationValues], labels), perDocument);
        }
    }

    /// <summary>Per index: segments (by their core, which deletions do not change) to their unpacked ordinals.</summary>
    public sealed class Cache
    {
        private readonly ConditionalWeakTable<object, FacetOrdinals> _segments = new();

        public FacetOrdinals For(AtomicReader reader) => _segments.GetValue(reader.CoreCacheKey, _ => new FacetOrdinals(reader));
    }
}
