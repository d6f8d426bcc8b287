using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace ObligationTracker.Search.Querying;

/// <summary>A query's free-text words, each with its fields and synonyms, ranked by BM25 and scaled by the share of words an
/// article matches: what a BooleanQuery of per-word BooleanQueries with coordination computes, scored a term at a time.</summary>
/// <remarks>
/// <para>Scores are those of <c>(word1 OR word2 …)~min</c> with the similarity's coordination factor over the word parts,
/// plus the sum of the extra parts (synonyms found inside the query's words, bigrams of unknown words), which admit an
/// article on their own. An article matching fewer than <see cref="MinimumWords"/> words gets only its extra parts' score.</para>
/// <para>Why not a BooleanQuery: nested disjunctions are scored a document at a time through heaps of term scorers, at a
/// cost per posting several times that of walking each term's postings once into arrays, and broad words (报告, 期限) have
/// tens of thousands of postings on a large index.</para>
/// </remarks>
internal sealed class WordsQuery(IReadOnlyList<WordsQuery.Part> parts, int minimumWords, bool coverage, ScoreAccumulators? accumulators) : Query
{
    /// <summary>A typed word (<paramref name="IsWord"/>) or an extra part, with its terms and their boosts.</summary>
    public sealed record Part(IReadOnlyList<WeightedTerm> Terms, bool IsWord);

    /// <param name="Context">The term looked up on the searcher's reader already, or null.</param>
    public sealed record WeightedTerm(Term Term, float Boost, TermContext? Context);

    /// <summary>Word parts first: a document's slot records extra matches once the words are done.</summary>
    public IReadOnlyList<Part> Parts { get; } = [.. parts.Where(p => p.IsWord), .. parts.Where(p => !p.IsWord)];

    /// <summary>Words an article must match to get their score (0 or 1: any).</summary>
    public int MinimumWords => minimumWords;

    /// <summary>Whether word scores are scaled by the similarity's coordination factor over the word parts.</summary>
    public bool Coverage => coverage;

    public override Weight CreateWeight(IndexSearcher searcher) => new WordsWeight(this, searcher, accumulators ?? new ScoreAccumulators());

    public override void ExtractTerms(ISet<Term> terms)
    {
        foreach (var part in Parts)
            foreach (var term in part.Terms) terms.Add(term.Term);
    }

    public override string ToString(string field)
    {
        static string Terms(Part p) => string.Join(" ", p.Terms.Select(t => $"{t.Term.Field}:{t.Term.Text}^{t.Boost:0.###}"));
        var words = string.Join(" ", Parts.Where(p => p.IsWord).Select(p => $"({Terms(p)})"));
        var extras = string.Join(" ", Parts.Where(p => !p.IsWord).Select(p => $"({Terms(p)})"));
        return $"words({words})~{minimumWords}{(coverage ? " coverage" : "")}{(extras.Length > 0 ? " extra" + extras : "")}{ToStringUtils.Boost(Boost)}";
    }

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    private sealed class WordsWeight : Weight
    {
        private readonly WordsQuery _query;
        private readonly Similarity _similarity;
        private readonly ScoreAccumulators _accumulators;

        /// <summary>Per part, its terms present in the index with their statistics.</summary>
        private readonly List<(Term Term, TermContext Context, Similarity.SimWeight Stats)>[] _terms;

        private readonly float[] _coord;

        public WordsWeight(WordsQuery query, IndexSearcher searcher, ScoreAccumulators accumulators)
        {
            _query = query;
            _similarity = searcher.Similarity;
            _accumulators = accumulators;
            _terms = new List<(Term, TermContext, Similarity.SimWeight)>[query.Parts.Count];
            for (var p = 0; p < query.Parts.Count; p++)
            {
                _terms[p] = [];
                foreach (var (term, boost, known) in query.Parts[p].Terms)
                {
                    var context = known is not null && known.TopReaderContext == searcher.TopReaderContext ? known : TermContext.Build(searcher.TopReaderContext, term);
                    if (context.DocFreq == 0) continue;
                    _terms[p].Add((term, context, _similarity.ComputeWeight(boost, searcher.CollectionStatistics(term.Field), searcher.TermStatistics(term, context))));
                }
            }

            var words = query.Parts.Count(p => p.IsWord);
            _coord = new float[words + 1];
            for (var i = 0; i <= words; i++) _coord[i] = query.Coverage ? _similarity.Coord(i, words) : 1f;
        }

        public override Query Query => _query;

        public override float GetValueForNormalization()
        {
            var sum = 0f;
            foreach (var part in _terms)
                foreach (var (_, _, stats) in part) sum += stats.GetValueForNormalization();
            return sum * _query.Boost * _query.Boost;
        }

        public override void Normalize(float norm, float topLevelBoost)
        {
            foreach (var part in _terms)
                foreach (var (_, _, stats) in part) stats.Normalize(norm, topLevelBoost * _query.Boost);
        }

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            var (docs, scores) = Accumulate(context, acceptDocs);
            return docs.Length == 0 ? null : new ListScorer(this, docs, scores);
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var (docs, scores) = Accumulate(context, context.AtomicReader.LiveDocs);
            var at = Array.BinarySearch(docs, doc);
            return at >= 0
                ? new ComplexExplanation(true, scores[at], $"{_query}: word scores times coverage, plus extra parts")
                : new ComplexExplanation(false, 0f, "no word matched");
        }

        /// <summary>Walks each term's postings once, summing its scores into per-document arrays, then gathers the matches in document order.</summary>
        private (int[] Docs, float[] Scores) Accumulate(AtomicReaderContext context, IBits? acceptDocs)
        {
            var reader = context.AtomicReader;
            var accumulator = _accumulators.Rent(reader.MaxDoc);
            var clean = false;
            try
            {
                var (slots, touched) = (accumulator.Slots, accumulator.Touched);
                DocsEnum? docsEnum = null;
                ushort wordNumber = 0;
                for (var p = 0; p < _terms.Length; p++)
                {
                    var isWord = _query.Parts[p].IsWord;
                    if (isWord) wordNumber++;
                    foreach (var (term, termContext, stats) in _terms[p])
                    {
                        var state = termContext.Get(context.Ord);
                        if (state is null) continue;
                        var termsEnum = reader.GetTerms(term.Field)!.GetEnumerator();
                        termsEnum.SeekExact(term.Bytes, state);
                        docsEnum = termsEnum.Docs(acceptDocs, docsEnum, DocsFlags.FREQS);
                        var scorer = _similarity.GetSimScorer(stats, context);
                        int doc;
                        while ((doc = docsEnum.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                        {
                            var score = scorer.Score(doc, docsEnum.Freq);
                            touched[doc >> 6] |= 1UL << doc;
                            ref var slot = ref slots[doc];
                            if (isWord)
                            {
                                slot.WordScore += score;
                                if (slot.LastWord != wordNumber)
                                {
                                    slot.LastWord = wordNumber;
                                    slot.Words++;
                                }
                            }
                            else
                            {
                                // Extra parts count as matched even where a zero weight scores them 0.
                                slot.ExtraScore += score;
                                slot.LastWord = ushort.MaxValue;
                            }
                        }
                    }
                }

                var result = Gather(accumulator, reader.MaxDoc);
                clean = true;
                return result;
            }
            finally
            {
                if (clean) _accumulators.Return(accumulator);
            }
        }

        /// <summary>The matching documents in order with their scores; resets what was touched.</summary>
        private (int[] Docs, float[] Scores) Gather(ScoreAccumulators.Accumulator accumulator, int maxDoc)
        {
            var (slots, touched) = (accumulator.Slots, accumulator.Touched);
            var count = 0;
            var blocks = (maxDoc + 63) / 64;
            for (var b = 0; b < blocks; b++) count += System.Numerics.BitOperations.PopCount(touched[b]);
            var docs = new int[count];
            var scores = new float[count];
            var n = 0;
            var minimum = Math.Max(1, _query.MinimumWords);
            for (var b = 0; b < blocks; b++)
            {
                var bits = touched[b];
                if (bits == 0) continue;
                touched[b] = 0;
                while (bits != 0)
                {
                    var doc = (b << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    ref var slot = ref slots[doc];
                    var words = slot.Words;
                    if (words >= minimum || slot.LastWord == ushort.MaxValue)
                    {
                        docs[n] = doc;
                        scores[n++] = (words >= minimum ? slot.WordScore * _coord[words] : 0f) + slot.ExtraScore;
                    }

                    slot = default;
                }
            }

            return n == count ? (docs, scores) : (docs[..n], scores[..n]);
        }
    }

    /// <summary>Iterates documents scored already.</summary>
    private sealed class ListScorer(Weight weight, int[] docs, float[] scores) : Scorer(weight)
    {
        private int _at = -1;

        public override int DocID => _at < 0 ? -1 : _at < docs.Length ? docs[_at] : NO_MORE_DOCS;

        public override int Freq => 1;

        public override int NextDoc() => ++_at < docs.Length ? docs[_at] : NO_MORE_DOCS;

        public override int Advance(int target)
        {
            var from = Math.Max(_at + 1, 0);
            if (from >= docs.Length)
            {
                _at = docs.Length;
                return NO_MORE_DOCS;
            }

            var found = Array.BinarySearch(docs, from, docs.Length - from, target);
            _at = found >= 0 ? found : ~found;
            return DocID;
        }

        public override float GetScore() => scores[_at];

        public override long GetCost() => docs.Length;
    }
}
