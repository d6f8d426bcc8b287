using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Querying;

/// <summary>The facet fields' doc values of one segment unpacked into plain arrays, once per segment and kept while the
/// segment lives: reading Lucene's packed sorted-set doc values for every matching article cost more than the ranking.</summary>
/// <remarks>
/// The values every article of a regulation holds (its issuer and status; the institution types its title names) are kept
/// per regulation: counting adds one per matching article to its regulation, and each regulation's count to those values
/// at the end; only the rest is read article by article. Deletions do not change a segment's doc values, so segments
/// shared by successive readers share these arrays, and what is shared (found over deleted articles too) stays shared.
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

        Values = Fields.Select(f => FieldValues.Read(reader, f, RegulationOrdinals, Regulations.Length)).ToArray();
    }

    /// <summary>Per ordinal: the regulation (its file name). Arrays, not doc values: those are not safe to share between threads.</summary>
    public string[] Regulations { get; }

    /// <summary>Per document: its regulation's ordinal (-1 where none).</summary>
    public int[] RegulationOrdinals { get; }

    /// <summary>Per counted field (in the order of <see cref="Fields"/>): its values' ordinals.</summary>
    public FieldValues[] Values { get; }

    /// <summary>One field's value ordinals: those every article of a regulation holds, per regulation, and the rest per article.</summary>
    /// <param name="RegulationStarts">Per regulation ordinal: where its shared values begin in <see cref="RegulationOrdinals"/> (one more entry than regulations).</param>
    /// <param name="Starts">Per document: where its other values begin in <see cref="Ordinals"/> (one more entry than documents); null where no article has any.</param>
    /// <param name="Labels">Per ordinal: the value.</param>
    public sealed record FieldValues(int[] RegulationStarts, int[] RegulationOrdinals, int[]? Starts, int[] Ordinals, string[] Labels)
    {
        public static FieldValues Read(AtomicReader reader, string field, int[] regulationOrdinals, int regulations)
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
            var starts = new int[reader.MaxDoc + 1];
            var rest = new List<int>();
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                starts[doc] = rest.Count;
                var regulation = regulationOrdinals[doc];
                foreach (var o in perDocument[doc])
                    if (regulation < 0 || !shared[regulation]!.Contains(o)) rest.Add(o);
            }

            starts[reader.MaxDoc] = rest.Count;
            var labels = new string[values.ValueCount];
            var bytes = new BytesRef();
            for (var o = 0; o < labels.Length; o++)
            {
                values.LookupOrd(o, bytes);
                labels[o] = bytes.Utf8ToString();
            }

            return new FieldValues(regulationStarts, [.. regulationValues], rest.Count > 0 ? starts : null, [.. rest], labels);
        }
    }

    /// <summary>Per index: segments (by their core, which deletions do not change) to their unpacked ordinals.</summary>
    public sealed class Cache
    {
        private readonly ConditionalWeakTable<object, FacetOrdinals> _segments = new();

        public FacetOrdinals For(AtomicReader reader) => _segments.GetValue(reader.CoreCacheKey, _ => new FacetOrdinals(reader));
    }
}
