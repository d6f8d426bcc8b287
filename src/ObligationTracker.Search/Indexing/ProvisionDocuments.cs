using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using ObligationTracker.Core.Structure;
using ObligationTracker.Search.Analysis;

namespace ObligationTracker.Search.Indexing;

/// <summary>One Lucene document per provision (obligation), beside its article's (<see cref="ArticleDocuments"/>).</summary>
internal static class ProvisionDocuments
{
    /// <summary>A provision's document: its words are its article's, where it stands in the article's text (no second
    /// segmentation), and its tags are its own obligation's.</summary>
    /// <param name="from">Where in the article's text to look for the provision: after the one before it.</param>
    public static Document Build(
        AttributeSource attributes, KeywordTokenStream keywords, ChineseSegmenter segmenter, Article article, IndexedProvision provision, string text, string folded, List<SegmentToken> textTokens, ref int from)
    {
        var at = text.IndexOf(provision.Text, Math.Min(from, text.Length), StringComparison.Ordinal);
        if (at < 0) at = text.IndexOf(provision.Text, StringComparison.Ordinal);
        string foldedText;
        List<SegmentToken> tokens;
        if (at >= 0)
        {
            from = at + provision.Text.Length;
            foldedText = folded.Substring(at, provision.Text.Length);
            tokens = new List<SegmentToken>();
            foreach (var token in textTokens)
            {
                if (token.Start < at || token.End > from) continue;
                // Lucene refuses a first token at increment 0 (a word inside a longer one left outside the provision).
                var increment = tokens.Count == 0 ? Math.Max(1, token.PositionIncrement) : token.PositionIncrement;
                tokens.Add(token with { Start = token.Start - at, End = token.End - at, PositionIncrement = increment });
            }
        }
        else
        {
            // Not in the article's text as written (a provision mined from another text of it): segmented on its own.
            foldedText = TextNormalizer.Fold(provision.Text);
            tokens = ArticleDocuments.Segment(segmenter, foldedText);
        }

        var bigramTokens = new List<SegmentToken>(foldedText.Length + 4);
        var doc = new Document
        {
            new StoredField(ArticleFields.Id, provision.Key),
            new StoredField(ArticleFields.Article, article.Number),
            new KeywordField(ArticleFields.ArticleNumber, article.Number.ToString(CultureInfo.InvariantCulture), keywords, Field.Store.NO),
            ArticleDocuments.Segmented(attributes, ArticleFields.ProvisionText, provision.Text, foldedText, tokens, tokens.Count, Field.Store.NO),
            HanBigrams.TryTokenize(foldedText, bigramTokens)
                ? ArticleDocuments.Replayed(attributes, ArticleFields.ProvisionTextBigrams, provision.Text, foldedText, bigramTokens, TextField.TYPE_NOT_STORED)
                : new TextField(ArticleFields.ProvisionTextBigrams, provision.Text, Field.Store.NO),
            new KeywordField(ArticleFields.Modality, provision.Modality, keywords, Field.Store.YES),
            new SortedSetDocValuesField(ArticleFields.Modality, new BytesRef(provision.Modality)),
        };
        // Where it stands in its article's stored text; written out only where it does not stand there.
        if (at >= 0) doc.Add(new StoredField(ArticleFields.ProvisionStart, at));
        else doc.Add(new StoredField(ArticleFields.ProvisionText, provision.Text));
        doc.Add(new StoredField(ArticleFields.ProvisionLength, provision.Text.Length));
        foreach (var type in provision.Addressees.Distinct())
        {
            doc.Add(new KeywordField(ArticleFields.InstitutionType, type, keywords, Field.Store.YES));
            doc.Add(new SortedSetDocValuesField(ArticleFields.InstitutionType, new BytesRef(type)));
        }

        if (provision.DeadlineKind is { } deadline) doc.Add(new KeywordField(ArticleFields.DeadlineKind, deadline, keywords, Field.Store.YES));
        return doc;
    }
}
