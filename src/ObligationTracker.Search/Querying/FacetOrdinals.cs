using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Querying;

/// <summary>The facet fields' doc values of one segment unpacked into plain arrays, once per segment and kept while the
/// segment lives: reading Lucene's packed sorted-set doc values for every matching article cost more than the ranking.</summary>
/// <remarks>
/// A field whose values are the same for every article of a regulation in the segment (issuer, status) is kept per
/// regulation: counting then adds one per matching article to its regulation, and each regulation's count to its values
/// at the end, instead of reading the field for every article. Deletions do not change a segment's doc values, so
/// segments shared by successive readers share these arrays, and the per-regulation test (made over deleted articles too)
/// stays true.
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

    /// <summary>One field's value ordinals per document, or per regulation ordinal where <see cref="ByRegulation"/>.</summary>
    /// <param name="Starts">Per document (or regulation): where its ordinals begin in <see cref="Ordinals"/>; one more entry than documents (or regulations).</param>
    /// <param name="Labels">Per ordinal: the value.</param>
    public sealed record FieldValues(bool ByRegulation, int[] Starts, int[] Ordinals, string[] Labels)
    {
        public static FieldValues Read(AtomicReader reader, string field, int[] regulationOrdinals, int regulations)
        {
            var values = reader.GetSortedSetDocValues(field) ?? DocValues.EMPTY_SORTED_SET;
            var starts = new int[reader.MaxDoc + 1];
            var ordinals = new List<int>(reader.MaxDoc);
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                starts[doc] = ordinals.Count;
                values.SetDocument(doc);
                long o;
                while ((o = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) ordinals.Add((int)o);
            }

            starts[reader.MaxDoc] = ordinals.Count;
            var labels = new string[values.ValueCount];
            var bytes = new BytesRef();
            for (var o = 0; o < labels.Length; o++)
            {
                values.LookupOrd(o, bytes);
                labels[o] = bytes.Utf8ToString();
            }

            return PerRegulation(starts, ordinals, regulationOrdinals, regulations, labels)
                ?? new FieldValues(false, starts, [.. ordinals], labels);
        }

        /// <summary>The same values per regulation, where every document of each regulation (and every document has one) holds the same ones.</summary>
        private static FieldValues? PerRegulation(int[] starts, List<int> ordinals, int[] regulationOrdinals, int regulations, string[] labels)
        {
            var first = new int[regulations];
            Array.Fill(first, -1);
            for (var doc = 0; doc < regulationOrdinals.Length; doc++)
            {
                var regulation = regulationOrdinals[doc];
                if (regulation < 0) return null;
                if (first[regulation] < 0)
                {
                    first[regulation] = doc;
                    continue;
                }

                var other = first[regulation];
                if (starts[doc + 1] - starts[doc] != starts[other + 1] - starts[other]) return null;
                for (var i = 0; i < starts[doc + 1] - starts[doc]; i++)
                    if (ordinals[starts[doc] + i] != ordinals[starts[other] + i]) return null;
            }

            var byRegulation = new int[regulations + 1];
            var values = new List<int>();
            for (var regulation = 0; regulation < regulations; regulation++)
            {
                byRegulation[regulation] = values.Count;
                var doc = first[regulation];
                if (doc < 0) continue;
                for (var i = starts[doc]; i < starts[doc + 1]; i++) values.Add(ordinals[i]);
            }

            byRegulation[regulations] = values.Count;
            return new FieldValues(true, byRegulation, [.. values], labels);
        }
    }

    /// <summary>Per index: segments (by their core, which deletions do not change) to their unpacked ordinals.</summary>
    public sealed class Cache
    {
        private readonly ConditionalWeakTable<object, FacetOrdinals> _segments = new();

        public FacetOrdinals For(AtomicReader reader) => _segments.GetValue(reader.CoreCacheKey, _ => new FacetOrdinals(reader));
    }
}
