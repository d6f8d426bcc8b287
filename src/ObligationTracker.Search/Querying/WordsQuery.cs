using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ObligationTracker.Search.Querying;

/// <summary>A query's free-text words, each with its fields and synonyms, ranked by BM25F (term frequencies weighted per
/// field and normalised by each field's length, summed, then saturated once per term) and scaled by the share of the
/// typed words an article matches.</summary>
/// <remarks>
/// <para>An article's score is Σ over the matched words of their best term's BM25F score (the word as typed or one of its
/// synonyms; the lead, scored alone, adds its own best), times matched / typed words, plus
/// the extra parts' scores (synonyms found inside the query's words, bigrams of unknown words), which admit an article on
/// their own. An article matching fewer than <see cref="MinimumWords"/> words gets only its extra parts' score.</para>
/// <para>Why BM25F rather than a sum of per-field BM25 scores: the title is the same for every article of a regulation,
/// so with per-field sums a query repeating four words of a title gave each of that regulation's articles four full title
/// scores, whatever the article said, and one regulation filled the page. Saturating each term once across fields bounds
/// what any word can add, wherever it is found.</para>
/// <para>Why not a BooleanQuery: nested disjunctions are scored a document at a time through heaps of term scorers, at
/// several times the cost per posting of walking each term's postings once into per-document slots, and broad words
/// (报告, 期限) have tens of thousands of postings on a large index.</para>
/// </remarks>
internal sealed class WordsQuery(IReadOnlyList<WordsQuery.Part> parts, int minimumWords, bool coverage, bool acrossFields, IReadOnlySet<string> separateFields, ScoreAccumulators? accumulators) : Query
{
    /// <summary>A typed word (<paramref name="IsWord"/>) or an extra part, with its terms.</summary>
    /// <param name="Admits">Whether a document matching only this extra part is a hit; if not, it only adds to the score
    /// of documents that are hits otherwise.</param>
    public sealed record Part(IReadOnlyList<WeightedTerm> Terms, bool IsWord, bool Admits = true);

    /// <param name="FieldWeight">What a frequency in this field counts for (title more than text).</param>
    /// <param name="Weight">The weight of the word it stands for (1 for typed words, less for synonyms).</param>
    /// <param name="Context">The term looked up on the searcher's reader already, or null.</param>
    public sealed record WeightedTerm(Term Term, float FieldWeight, float Weight, TermContext? Context);

    /// <summary>Word parts first: a document's slot records extra matches once the words are done; parts that admit no
    /// document last, once every document that matches is marked.</summary>
    public IReadOnlyList<Part> Parts { get; } = [.. parts.Where(p => p.IsWord), .. parts.Where(p => !p.IsWord && p.Admits), .. parts.Where(p => !p.IsWord && !p.Admits)];

    /// <summary>Words an article must match to get their score (0 or 1: any).</summary>
    public int MinimumWords => minimumWords;

    /// <summary>Whether word scores are scaled by the similarity's coordination factor over the word parts.</summary>
    public bool Coverage => coverage;

    /// <summary>Whether a term's frequencies in all its fields saturate together (BM25F), or each field is scored as a
    /// BM25 term of its own and the scores summed.</summary>
    public bool AcrossFields => acrossFields;

    /// <summary>Fields scored as BM25 terms of their own even <see cref="AcrossFields"/>.</summary>
    public IReadOnlySet<string> SeparateFields => separateFields;

    internal ScoreAccumulators? Accumulators => accumulators;

    /// <summary>Saturation of fields scored on their own (<see cref="SeparateFields"/>), where it differs from the similarity's k1.</summary>
    public IReadOnlyDictionary<string, float> FieldK1 { get; init; } = new Dictionary<string, float>();

    /// <summary>Saturation of the other fields where it differs from the similarity's k1 (0: the similarity's).</summary>
    public float K1 { get; init; }

    /// <summary>The share of their scores a word's further matched terms (its synonyms and thesaurus words, beside the
    /// best) add: 0 counts each word by its best term alone, 1 adds them all.</summary>
    public float Alternatives { get; init; }

    public override Weight CreateWeight(IndexSearcher searcher) => new WordsWeight(this, searcher);

    public override void ExtractTerms(ISet<Term> terms)
    {
        foreach (var part in Parts)
            foreach (var term in part.Terms) terms.Add(term.Term);
    }

    public override string ToString(string field)
    {
        static string Terms(Part p) => string.Join(" ", p.Terms.Select(t => $"{t.Term.Field}:{t.Term.Text}^{t.FieldWeight:0.###}{(t.Weight != 1 ? $"x{t.Weight:0.###}" : "")}"));
        var words = string.Join(" ", Parts.Where(p => p.IsWord).Select(p => $"({Terms(p)})"));
        var extras = string.Join(" ", Parts.Where(p => !p.IsWord).Select(p => $"({Terms(p)})"));
        return $"words({words})~{minimumWords}{(coverage ? " coverage" : "")}{(extras.Length > 0 ? " extra" + extras : "")}{ToStringUtils.Boost(Boost)}";
    }

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
