using Lucene.Net.Index;
using Lucene.Net.Search;
using ObligationTracker.Search.Analysis;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Querying;

/// <summary>Within the regulation a document number names, raises the articles whose first sentence says the topic typed
/// beside the number.</summary>
/// <remarks>
/// An article states its subject in its first sentence (设立个人征信机构，应当具备以下条件); the sentences after it say
/// what follows. Among the articles of the named regulation that share the topic's words, the one whose first sentence
/// holds most of the topic's character pairs is the one about it. Pairs, not words: a topic put in the user's words
/// shares characters with the article's wording where it shares no word. Each of the best
/// <see cref="WithinRegulations.Depth"/> articles is raised by up to <see cref="QueryWeights.LeadMatch"/> times its score;
/// the regulations keep their order. Only for a number's topic: across regulations, and for queries without a number, it
/// cost more than it gained on the read sets.
/// </remarks>
internal sealed class LeadMatches(IndexReader reader, Func<int, string?> regulationOf, float weight)
{
    private static readonly ISet<string> TextOnly = new HashSet<string> { ArticleFields.Text };

    /// <summary>The pool reordered, best first.</summary>
    /// <param name="topic">The text typed beside the number (empty without one: the pool is left as it is).</param>
    public ScoreDoc[] Rerank(ScoreDoc[] pool, string topic)
    {
        if (weight <= 0 || pool.Length < 2) return pool;
        var asked = Pairs(TextNormalizer.Fold(topic));
        if (asked.Count < 2) return pool;
        var factors = Enumerable.Repeat(1.0, pool.Length).ToArray();
        for (var i = 0; i < Math.Min(WithinRegulations.Depth, pool.Length); i++)
        {
            var text = reader.Document(pool[i].Doc, TextOnly).Get(ArticleFields.Text);
            if (text is null) continue;
            var lead = Lead(TextNormalizer.Fold(text));
            var found = Pairs(lead);
            factors[i] = 1 + weight * asked.Count(found.Contains) / asked.Count;
        }

        return WithinRegulations.Raise(pool, factors, regulationOf);
    }

    /// <summary>The first sentence, after the article's own number (第十五条).</summary>
    private static string Lead(string text)
    {
        var start = text.IndexOf('条');
        start = start is >= 0 and < 12 ? start + 1 : 0;
        var end = text.IndexOfAny(['。', '；', '：', ':', ';'], start);
        return end < 0 ? text[start..] : text[start..end];
    }

    private static HashSet<string> Pairs(string text)
    {
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < text.Length; i++)
            if (HanBigrams.IsHan(text[i]) && HanBigrams.IsHan(text[i + 1])) pairs.Add(text.Substring(i, 2));
        return pairs;
    }
}
