using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Querying;

/// <summary>The facet fields' doc values of one segment unpacked into plain arrays, once per segment and kept while the
/// segment lives: reading Lucene's packed sorted-set doc values for every matching article cost more than the ranking.</summary>
/// <remarks>Deletions do not change a segment's doc values, so segments shared by successive readers share these arrays.</remarks>
internal sealed class FacetOrdinals
{
    /// <summary>The counted fields, in the order of <see cref="Starts"/>, <see cref="Ordinals"/> and <see cref="Labels"/>.</summary>
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

        Starts = new int[Fields.Length][];
        Ordinals = new int[Fields.Length][];
        Labels = new string[Fields.Length][];
        for (var f = 0; f < Fields.Length; f++)
        {
            var values = reader.GetSortedSetDocValues(Fields[f]) ?? DocValues.EMPTY_SORTED_SET;
            var starts = new int[reader.MaxDoc + 1];
            var ordinals = new List<int>(reader.MaxDoc);
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                starts[doc] = ordinals.Count;
                values.SetDocument(doc);
                long o;
                while ((o = values.NextOrd()) != Lucene.Net.Index.SortedSetDocValues.NO_MORE_ORDS) ordinals.Add((int)o);
            }

            starts[reader.MaxDoc] = ordinals.Count;
            Starts[f] = starts;
            Ordinals[f] = [.. ordinals];
            var labels = new string[values.ValueCount];
            for (var o = 0; o < labels.Length; o++)
            {
                values.LookupOrd(o, bytes);
                labels[o] = bytes.Utf8ToString();
            }

            Labels[f] = labels;
        }
    }

    /// <summary>Per ordinal: the regulation (its file name). Arrays, not doc values: those are not safe to share between threads.</summary>
    public string[] Regulations { get; }

    /// <summary>Per document: its regulation's ordinal (-1 where none).</summary>
    public int[] RegulationOrdinals { get; }

    /// <summary>Per field, per document: where its ordinals begin in <see cref="Ordinals"/> (one more entry than documents).</summary>
    public int[][] Starts { get; }

    public int[][] Ordinals { get; }

    /// <summary>Per field, per ordinal: the value.</summary>
    public string[][] Labels { get; }

    /// <summary>Per index: segments (by their core, which deletions do not change) to their unpacked ordinals.</summary>
    public sealed class Cache
    {
        private readonly ConditionalWeakTable<object, FacetOrdinals> _segments = new();

        public FacetOrdinals For(AtomicReader reader) => _segments.GetValue(reader.CoreCacheKey, _ => new FacetOrdinals(reader));
    }
}
