using ObligationTracker.Core.Structure;

namespace ObligationTracker.Tools;

/// <summary>Pairs the articles parsed from an original with those parsed from its text version and scores each pair.</summary>
internal static class ArticleComparison
{
    /// <param name="Label">Article number, with "附件" for an attachment's article.</param>
    /// <param name="Similarity">Character similarity of the two articles' texts (heading included), white space removed;
    /// 0 for an article found on one side only.</param>
    public sealed record ArticlePair(string Label, double Similarity);

    /// <summary>Articles are matched by (attachment or body, number, occurrence), so a missing or extra article on
    /// one side costs one pair and does not shift the rest.</summary>
    public static List<ArticlePair> Pair(Regulation original, Regulation text)
    {
        var left = Keyed(original);
        var right = Keyed(text);
        var pairs = new List<ArticlePair>();
        foreach (var key in left.Keys.Union(right.Keys).OrderBy(k => k.InAttachment).ThenBy(k => k.Number).ThenBy(k => k.Occurrence))
        {
            var label = (key.InAttachment ? "附件 " : "") + key.Number + (key.Occurrence > 0 ? $"#{key.Occurrence + 1}" : "");
            if (left.TryGetValue(key, out var a) && right.TryGetValue(key, out var b))
                pairs.Add(new(label, TextSimilarity.Compare(a, b, timeoutSeconds: 2).Similarity));
            else
                pairs.Add(new(label, 0));
        }
        return pairs;
    }

    private static Dictionary<(bool InAttachment, int Number, int Occurrence), string> Keyed(Regulation regulation)
    {
        var seen = new Dictionary<(bool, int), int>();
        var result = new Dictionary<(bool, int, int), string>();
        foreach (var article in regulation.Articles)
        {
            var k = (article.InAttachment, article.Number);
            var occurrence = seen.TryGetValue(k, out var n) ? n + 1 : 0;
            seen[k] = occurrence;
            var span = article.Span;
            result[(article.InAttachment, article.Number, occurrence)] =
                TextSimilarity.StripWhiteSpace(regulation.Text.Substring(span.Start, span.Length));
        }
        return result;
    }
}
