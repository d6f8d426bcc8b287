using Lucene.Net.Index;
using Lucene.Net.Search;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Querying;

/// <summary>Within each regulation found, puts forward the articles that are the first of it to name the query's words.</summary>
/// <remarks>
/// A rule introduces a notion where it first names it: the article that defines 备付金集中存管账户 or sets a duty comes
/// before the ones that apply, repeat and sanction it, and those later articles often name the words more times, which
/// BM25 rewards. Someone asking about the notion wants the first. Each article among the best <see cref="WithinRegulations.Depth"/> is
/// raised by up to <see cref="QueryWeights.FirstMention"/> times its score, by the share (idf-weighted) of the words it
/// matches that no earlier article of its regulation names. The scores are then scaled per regulation so that its best
/// article keeps the score it had: the regulations keep their order, only the articles inside each are reordered.
/// The statement of purpose (为了规范…，制定本办法。) names the title's words first by construction: it is passed over,
/// neither raised nor counted as an earlier mention. A regulation's articles are one block of documents in article order
/// (one UpdateDocuments call), so "earlier" is a lower document number within the block.
/// </remarks>
internal sealed class FirstMentions(IndexReader reader, FacetOrdinals.Cache ordinals, Func<int, string?> regulationOf, float weight)
{
    /// <summary>The pool reordered, best first.</summary>
    /// <param name="words">Per typed word, its terms in the text field (the word and its expansions).</param>
    /// <param name="documents">Documents of the kind searched, for the words' idf.</param>
    public ScoreDoc[] Rerank(ScoreDoc[] pool, IReadOnlyList<IReadOnlyList<WordsQuery.WeightedTerm>> words, int documents)
    {
        if (weight <= 0 || words.Count == 0 || pool.Length < 2) return pool;
        var shares = new double[pool.Length];
        foreach (var (leaf, looked) in WithinRegulations.BySegment(pool, reader.Leaves)) Shares(leaf, looked, pool, words, documents, shares);

        // Each regulation's best keeps its score: the regulations keep their order.
        return shares.Any(share => share > 0) ? WithinRegulations.Raise(pool, [.. shares.Select(share => 1 + weight * share)], regulationOf) : pool;
    }

    /// <summary>For the articles <paramref name="looked"/> (indexes into the pool, in document order) of one segment: the
    /// idf-weighted share of the words each matches that no earlier article of its regulation names.</summary>
    private void Shares(AtomicReaderContext leaf, int[] looked, ScoreDoc[] pool, IReadOnlyList<IReadOnlyList<WordsQuery.WeightedTerm>> words, int documents, double[] shares)
    {
        var segment = leaf.AtomicReader;
        var regulations = ordinals.For(segment).RegulationOrdinals;
        var locals = looked.Select(i => pool[i].Doc - leaf.DocBase).ToArray();
        // A regulation's articles are one block: its first document is where its ordinal starts.
        var starts = locals.Select(local =>
        {
            var start = local;
            while (start > 0 && regulations[start - 1] == regulations[local]) start--;
            return start;
        }).ToArray();
        var purposes = Purposes(segment, starts, regulations);
        var matched = new double[looked.Length];
        var first = new double[looked.Length];
        var here = new bool[looked.Length];
        var earlier = new bool[looked.Length];
        // Every topic term is in the one text field (QueryBuilder.TopicWords).
        if (segment.GetTerms(words[0][0].Term.Field)?.GetEnumerator() is not { } termsEnum) return;
        DocsEnum? reuse = null;
        foreach (var word in words)
        {
            Array.Clear(here);
            Array.Clear(earlier);
            foreach (var term in word)
            {
                if (term.Context?.Get(leaf.Ord) is not { } state) continue;
                termsEnum.SeekExact(term.Term.Bytes, state);
                var postings = reuse = termsEnum.Docs(segment.LiveDocs, reuse, DocsFlags.NONE);
                int at = -1, blockStart = -1, firstInBlock = -1;
                for (var k = 0; k < locals.Length; k++)
                {
                    if (starts[k] != blockStart)
                    {
                        blockStart = starts[k];
                        if (at < blockStart) at = postings.Advance(blockStart);
                        while (purposes.Contains(at)) at = postings.NextDoc();
                        firstInBlock = at;
                    }

                    earlier[k] |= firstInBlock < locals[k];
                    if (at < locals[k]) at = postings.Advance(locals[k]);
                    here[k] |= at == locals[k];
                }
            }

            var frequency = word.Max(t => t.Context?.DocFreq ?? 0);
            var idf = Math.Log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
            for (var k = 0; k < locals.Length; k++)
            {
                if (!here[k]) continue;
                matched[k] += idf;
                if (!earlier[k]) first[k] += idf;
            }
        }

        for (var k = 0; k < locals.Length; k++)
            if (matched[k] > 0 && regulations[locals[k]] >= 0 && !purposes.Contains(locals[k])) shares[looked[k]] = first[k] / matched[k];
    }

    /// <summary>The purpose statements among the regulations starting at <paramref name="starts"/>: they neither count as a
    /// first mention nor are raised as one.</summary>
    private static HashSet<int> Purposes(AtomicReader segment, int[] starts, int[] regulations)
    {
        var found = new HashSet<int>();
        var postings = segment.GetTermDocsEnum(new Term(ArticleFields.Role, ArticleFields.RolePurpose));
        if (postings is null) return found;
        var at = -1;
        foreach (var start in starts.Distinct().Order())
        {
            if (at < start) at = postings.Advance(start);
            for (; at != DocIdSetIterator.NO_MORE_DOCS && regulations[at] == regulations[start]; at = postings.NextDoc()) found.Add(at);
        }

        return found;
    }
}
