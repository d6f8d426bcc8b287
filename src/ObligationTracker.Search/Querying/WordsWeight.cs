using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ObligationTracker.Search.Querying;

/// <summary>Scores a <see cref="WordsQuery"/> a term at a time: each term's postings are walked once, adding the term's
/// weighted, length-normalised frequency to the document's slot; a term's frequencies in all fields are saturated
/// together when the slot moves on to the next term (BM25F).</summary>
internal sealed partial class WordsWeight : Weight
{
    private readonly WordsQuery _query;
    private readonly float _k1;
    private readonly ScoreAccumulators _accumulators;

    /// <summary>One entry per term text of a part (a word or one of its synonyms in all its fields); 0 is unused, so
    /// that a slot's <see cref="ScoreAccumulators.Slot.LastUnit"/> of 0 means none.</summary>
    private readonly Unit[] _units;

    private readonly Dictionary<string, float[]> _inverseLengthFactors = new(StringComparer.Ordinal);

    /// <summary>Per field, the document count its statistics give: the searcher counts the documents of the kind searched
    /// (articles or provisions), not every document of the index.</summary>
    private readonly Dictionary<string, long> _fieldDocuments = new(StringComparer.Ordinal);
    private readonly float[] _coord;
    private float _boost = 1f;

    public WordsWeight(WordsQuery query, IndexSearcher searcher)
    {
        _query = query;
        var similarity = searcher.Similarity as CoverageSimilarity ?? new CoverageSimilarity(1.2f, 0.75f);
        _k1 = query.K1 > 0 ? query.K1 : similarity.K1;
        _accumulators = query.Accumulators ?? new ScoreAccumulators();
        var units = new List<Unit> { new(0, false, 0f, 1f, []) };
        var word = 0;
        foreach (var part in query.Parts)
        {
            if (part.IsWord) word++;
            // BM25F: a term's fields saturate together; otherwise each field is a BM25 term of its own (a sum over fields).
            var groups = query.AcrossFields
                ? part.Terms.GroupBy(t => query.SeparateFields.Contains(t.Term.Field) ? t.Term.Field + ":" + t.Term.Text : t.Term.Text, StringComparer.Ordinal).Select(g => g.ToList())
                : part.Terms.Select(t => new List<WordsQuery.WeightedTerm> { t });
            foreach (var same in groups)
            {
                // A unit of one field scored alone (the lead; each field without BM25F) is a plain BM25 term.
                var alone = !query.AcrossFields || query.SeparateFields.Contains(same[0].Term.Field);
                var terms = new List<UnitTerm>();
                var documentFrequency = 0;
                var documents = 0L;
                foreach (var (term, fieldWeight, _, known) in same)
                {
                    var context = known is not null && known.TopReaderContext == searcher.TopReaderContext ? known : TermContext.Build(searcher.TopReaderContext, term);
                    if (context.DocFreq == 0) continue;
                    documentFrequency = Math.Max(documentFrequency, context.DocFreq);
                    terms.Add(new UnitTerm(term, context, alone ? 1f : fieldWeight));
                    if (!_inverseLengthFactors.ContainsKey(term.Field))
                    {
                        var statistics = searcher.CollectionStatistics(term.Field);
                        _inverseLengthFactors[term.Field] = similarity.InverseLengthFactors(statistics);
                        _fieldDocuments[term.Field] = statistics.MaxDoc;
                    }

                    documents = Math.Max(documents, _fieldDocuments[term.Field]);
                }

                if (terms.Count == 0) continue;
                var idf = similarity.InverseDocumentFrequency(documentFrequency, documents);
                // A field scored alone carries its weight in the amplitude, as a per-field BM25 score would, and may
                // saturate at its own rate (the lead: a mention says the article is about it).
                var weight = same.Max(t => t.Weight) * (alone ? same[0].FieldWeight : 1f);
                var k1 = alone && query.FieldK1.TryGetValue(same[0].Term.Field, out var own) ? own : _k1;
                units.Add(new Unit(part.IsWord ? word : 0, !part.IsWord, idf * weight * (k1 + 1), k1, terms) { Admits = part.Admits, Alone = alone });
            }
        }

        // Slots count words in 7 bits and units in 16.
        if (word > 127 || units.Count > ushort.MaxValue) throw new BooleanQuery.TooManyClausesException();
        _units = [.. units];
        _coord = new float[word + 1];
        for (var i = 0; i <= word; i++) _coord[i] = query.Coverage ? similarity.Coord(i, word) : 1f;
    }

    public override Query Query => _query;

    public override float GetValueForNormalization() => _query.Boost * _query.Boost;

    /// <remarks>BM25 ignores the query norm; only boosts carry down.</remarks>
    public override void Normalize(float norm, float topLevelBoost) => _boost = topLevelBoost * _query.Boost;

    public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
    {
        var reader = context.AtomicReader;
        var cursors = new List<Cursor>();
        var termsEnums = new Dictionary<string, TermsEnum>(StringComparer.Ordinal); // one per field: each allocates kilobytes
        for (var u = 1; u < _units.Length; u++)
        {
            var unit = _units[u];
            foreach (var (term, termContext, fieldWeight) in unit.Terms)
            {
                if (termContext.Get(context.Ord) is not { } state) continue;
                if (!termsEnums.TryGetValue(term.Field, out var termsEnum))
                    termsEnums[term.Field] = termsEnum = reader.GetTerms(term.Field)!.GetEnumerator();
                termsEnum.SeekExact(term.Bytes, state);
                var postings = termsEnum.Docs(acceptDocs, null, DocsFlags.FREQS);
                var first = postings.NextDoc();
                if (first == DocIdSetIterator.NO_MORE_DOCS) continue;
                cursors.Add(new Cursor(postings, (ushort)u, unit, fieldWeight, _accumulators.Norms(reader, term.Field), _inverseLengthFactors[term.Field]) { Doc = first });
            }
        }

        return cursors.Count == 0 ? null : new WindowScorer(this, [.. cursors]);
    }

    public override Explanation Explain(AtomicReaderContext context, int doc)
    {
        var result = new ComplexExplanation { Description = "BM25F words, times coverage, plus extra parts" };
        var (words, extraScore, extra) = (new HashSet<int>(), 0f, false);
        var kinds = new Dictionary<(int Word, bool Alone), (float Best, float Sum)>();
        for (var u = 1; u < _units.Length; u++)
        {
            var unit = _units[u];
            var detail = new Explanation { Description = unit.Extra ? "extra" : $"word {unit.Word}" };
            var frequency = 0f;
            foreach (var (term, termContext, fieldWeight) in unit.Terms)
            {
                if (Postings(context, term, termContext, context.AtomicReader.LiveDocs, null) is not { } postings || postings.Advance(doc) != doc) continue;
                var weighted = fieldWeight * postings.Freq * InverseLength(context.AtomicReader, term.Field, doc);
                detail.AddDetail(new Explanation(weighted, $"{term.Field}:{term.Text} freq={postings.Freq} x{fieldWeight} / length"));
                frequency += weighted;
            }

            if (frequency == 0) continue;
            detail.Value = unit.Amplitude * frequency / (unit.K1 + frequency);
            result.AddDetail(detail);
            if (unit.Extra)
            {
                (extraScore, extra) = (extraScore + detail.Value, extra || unit.Admits);
            }
            else
            {
                words.Add(unit.Word);
                var (best, sum) = kinds.GetValueOrDefault((unit.Word, unit.Alone));
                kinds[(unit.Word, unit.Alone)] = (Math.Max(best, detail.Value), sum + detail.Value);
            }
        }

        var wordScore = kinds.Values.Sum(k => k.Best + _query.Alternatives * (k.Sum - k.Best));
        var matches = words.Count >= Math.Max(1, _query.MinimumWords);
        result.Value = ((matches ? wordScore * _coord[words.Count] : 0f) + extraScore) * _boost;
        result.Match = matches || extra;
        result.AddDetail(new Explanation(_coord[words.Count], $"coverage {words.Count}/{_coord.Length - 1}"));
        return result;
    }

    private float InverseLength(AtomicReader reader, string field, int doc) =>
        reader.GetNormValues(field) is { } norms ? _inverseLengthFactors[field][(byte)norms.Get(doc)] : 1f;

    private static DocsEnum? Postings(AtomicReaderContext context, Term term, TermContext termContext, IBits? acceptDocs, DocsEnum? reuse)
    {
        var state = termContext.Get(context.Ord);
        if (state is null) return null;
        var termsEnum = context.AtomicReader.GetTerms(term.Field)!.GetEnumerator();
        termsEnum.SeekExact(term.Bytes, state);
        return termsEnum.Docs(acceptDocs, reuse, DocsFlags.FREQS);
    }

    /// <summary>Adds the postings of every term below <paramref name="end"/> to the window's slots, term after term
    /// (so that a term's fields follow one another, as <see cref="Flush"/> needs).</summary>
    private static void Fill(Cursor[] cursors, ScoreAccumulators.Window window, int start, int end)
    {
        var (slots, touched) = (window.Slots, window.Touched);
        foreach (var cursor in cursors)
        {
            var doc = cursor.Doc;
            if (doc >= end) continue;
            var (postings, number, unit, fieldWeight, norms, inverse) = (cursor.Postings, cursor.Number, cursor.Unit, cursor.FieldWeight, cursor.Norms, cursor.Inverse);
            // A part that admits no document adds only to those others found; it comes last, when they are all marked.
            var admits = !unit.Extra || unit.Admits;
            do
            {
                var local = doc - start;
                if (!admits && (touched[local >> 6] & (1UL << local)) == 0)
                {
                    doc = postings.NextDoc();
                    continue;
                }

                touched[local >> 6] |= 1UL << local;
                ref var slot = ref slots[local];
                if (slot.LastUnit != number)
                {
                    cursor.Weight.Flush(ref slot);
                    slot.LastUnit = number;
                    if (unit.Extra)
                    {
                        cursor.Weight.EndWord(ref slot);
                        if (unit.Admits) slot.Words |= ScoreAccumulators.Slot.ExtraBit;
                    }
                    else if (slot.LastWord != unit.Word)
                    {
                        cursor.Weight.EndWord(ref slot);
                        slot.LastWord = (byte)unit.Word;
                        slot.Words++;
                    }
                }

                slot.Frequency += fieldWeight * postings.Freq * (norms is null ? 1f : inverse[norms[doc]]);
                doc = postings.NextDoc();
            }
            while (doc < end);

            cursor.Doc = doc;
        }
    }

    /// <summary>Saturates the frequency gathered for the slot's last term and adds its score.</summary>
    private void Flush(ref ScoreAccumulators.Slot slot)
    {
        if (slot.LastUnit == 0) return;
        var unit = _units[slot.LastUnit];
        var score = unit.Amplitude * slot.Frequency / (unit.K1 + slot.Frequency);
        slot.Frequency = 0f;
        if (unit.Extra)
        {
            slot.ExtraScore += score;
            return;
        }

        // Each alternative adds its share now; the best gets the rest of its score when the word ends.
        slot.WordScore += _query.Alternatives * score;
        if (unit.Alone) slot.BestAlone = Math.Max(slot.BestAlone, score);
        else slot.Best = Math.Max(slot.Best, score);
    }

    /// <summary>Completes the word just added: its best term's full score (see <see cref="WordsQuery.Alternatives"/>).</summary>
    private void EndWord(ref ScoreAccumulators.Slot slot)
    {
        slot.WordScore += (1f - _query.Alternatives) * (slot.Best + slot.BestAlone);
        (slot.Best, slot.BestAlone) = (0f, 0f);
    }

    /// <summary>The document's score, or NaN where it does not match (too few words and no extra part); resets the slot.</summary>
    private float Take(ref ScoreAccumulators.Slot slot)
    {
        Flush(ref slot);
        EndWord(ref slot);
        var words = slot.Words & ~ScoreAccumulators.Slot.ExtraBit;
        var minimum = Math.Max(1, _query.MinimumWords);
        var score = words >= minimum || (slot.Words & ScoreAccumulators.Slot.ExtraBit) != 0
            ? ((words >= minimum ? slot.WordScore * _coord[words] : 0f) + slot.ExtraScore) * _boost
            : float.NaN;
        slot = default;
        return score;
    }

    private sealed record UnitTerm(Term Term, TermContext Context, float FieldWeight);

    /// <param name="Word">The word part it belongs to (1-based), 0 for an extra part.</param>
    /// <param name="Amplitude">idf · weight · (k1 + 1): the score of a saturated frequency.</param>
    /// <param name="K1">Its saturation: the frequency at which it scores half its amplitude.</param>
    private sealed record Unit(int Word, bool Extra, float Amplitude, float K1, List<UnitTerm> Terms)
    {
        /// <summary>For an extra part: whether matching it alone makes a hit.</summary>
        public bool Admits { get; init; } = true;

        /// <summary>Whether it is one field scored on its own (the lead), whose score adds to the other fields' best.</summary>
        public bool Alone { get; init; }
    }
}
