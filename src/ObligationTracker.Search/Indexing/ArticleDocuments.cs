using System.Buffers;
using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using ObligationTracker.Core.Structure;
using ObligationTracker.Search.Analysis;

namespace ObligationTracker.Search.Indexing;

/// <summary>Turns a regulation into one Lucene document per article, and one per provision its tags list.</summary>
internal static class ArticleDocuments
{
    /// <remarks>
    /// The fields whose value is the regulation's (title, status, issuers, document number, dates, chapters) are made once
    /// and shared by its articles' documents, as Lucene allows when documents are indexed one after the other on one
    /// thread (one UpdateDocuments call): each field's token stream is reset and replayed for every document, instead of
    /// a new field, stream and attributes per article.
    /// </remarks>
    public static List<Document> Build(Regulation regulation, RegulationStatus status, Func<Article, ArticleTags> tags)
    {
        var docs = new List<Document>(regulation.Articles.Count);
        // After all the articles: an article search then walks its regulation's articles side by side, not between provisions.
        var provisionDocs = new List<Document>();
        var statusName = RegulationStatusNames.Name(status);
        var segmenter = ChineseSegmenter.Instance;
        var attributes = new AttributeSource();
        var keywords = new KeywordTokenStream(attributes);
        var title = TextNormalizer.Fold(regulation.Title);
        var titleTokens = Segment(segmenter, title);
        var titleBigrams = Analyse(Bigrams, ArticleFields.TitleBigrams, regulation.Title);
        var articleShared = RegulationFields(keywords, regulation, statusName, Field.Store.YES);
        // Stored only: queries match document numbers through the normalised keys.
        if (regulation.DocumentNumber is { } number) articleShared.Add(new StoredField(ArticleFields.DocumentNumber, number));
        if (regulation.Issued is { } issued) articleShared.Add(new StoredField(ArticleFields.Issued, Date(issued)));
        if (regulation.Effective is { } effective) articleShared.Add(new StoredField(ArticleFields.Effective, Date(effective)));
        articleShared.Add(new KeywordField(ArticleFields.Kind, ArticleFields.KindArticle, keywords, Field.Store.NO));
        articleShared.Add(Segmented(attributes, ArticleFields.Title, regulation.Title, title, titleTokens, titleTokens.Count, Field.Store.YES));
        articleShared.Add(Replayed(attributes, ArticleFields.TitleBigrams, regulation.Title, title, titleBigrams, TextField.TYPE_NOT_STORED));
        List<Field>? provisionShared = null; // made for the first provision: a regulation mined for none needs none

        var chapters = new Dictionary<string, Field>(StringComparer.Ordinal);
        foreach (var article in regulation.Articles)
        {
            var text = article.Text;
            var folded = TextNormalizer.Fold(text);
            var textTokens = Segment(segmenter, folded);
            var lead = LeadLength(text);
            var leadCount = 0;
            while (leadCount < textTokens.Count && textTokens[leadCount].End <= lead) leadCount++;
            // The bigram analyzer's tokens, made directly where the text allows (see HanBigrams), else by the analyzer.
            var bigramTokens = new List<SegmentToken>(folded.Length + 4);
            var textBigrams = HanBigrams.TryTokenize(folded, bigramTokens)
                ? Replayed(attributes, ArticleFields.TextBigrams, text, folded, bigramTokens, TextField.TYPE_NOT_STORED)
                : new TextField(ArticleFields.TextBigrams, text, Field.Store.NO);
            var doc = new Document
            {
                // Stored only: nothing looks documents up by id or article number, and indexing them costs terms.
                new StoredField(ArticleFields.Id, Id(regulation.File, article)),
                new StoredField(ArticleFields.Article, article.Number),
                new StoredField(ArticleFields.Heading, article.Heading),
                new StoredField(ArticleFields.InAttachment, article.InAttachment ? "1" : "0"),
                Segmented(attributes, ArticleFields.Text, text, folded, textTokens, textTokens.Count, Field.Store.YES),
                textBigrams,
                Segmented(attributes, ArticleFields.Lead, text[..lead], folded, textTokens, leadCount, Field.Store.NO),
            };
            if (article.Attachment > 0) doc.Add(new StoredField(ArticleFields.Attachment, article.Attachment));
            foreach (var field in articleShared) doc.Add(field);
            var roles = ArticleRoles.Of(text).ToList();
            foreach (var role in roles) doc.Add(new KeywordField(ArticleFields.Role, role, keywords, Field.Store.NO));
            if (roles.Contains(ArticleFields.RoleList))
                foreach (var listed in ArticleRoles.Listed(text)) doc.Add(new KeywordField(ArticleFields.Listed, listed, keywords, Field.Store.NO));
            if (roles.Contains(ArticleFields.RolePenalty) && !article.InAttachment)
                foreach (var cited in ArticleRoles.Breached(text).Distinct())
                    doc.Add(new KeywordField(ArticleFields.Sanctions, cited.ToString(CultureInfo.InvariantCulture), keywords, Field.Store.YES));
            if (!article.InAttachment) doc.Add(new KeywordField(ArticleFields.ArticleNumber, article.Number.ToString(CultureInfo.InvariantCulture), keywords, Field.Store.NO));
            if (article.Chapter is { } chapter)
            {
                // Stored only: ranking weighed the chapter's words 0 (its best weight), and inverting them cost indexing time.
                if (!chapters.TryGetValue(chapter, out var chapterField))
                    chapters[chapter] = chapterField = new StoredField(ArticleFields.Chapter, chapter);

                doc.Add(chapterField);
            }

            var tag = tags(article);
            foreach (var type in tag.InstitutionTypes.Distinct())
            {
                doc.Add(new KeywordField(ArticleFields.InstitutionType, type, keywords, Field.Store.YES));
                doc.Add(new SortedSetDocValuesField(ArticleFields.InstitutionType, new BytesRef(type)));
            }

            foreach (var modality in tag.Modalities.Distinct())
            {
                doc.Add(new KeywordField(ArticleFields.Modality, modality, keywords, Field.Store.YES));
                doc.Add(new SortedSetDocValuesField(ArticleFields.Modality, new BytesRef(modality)));
            }

            docs.Add(doc);
            if (tag.Provisions.Count == 0 || article.InAttachment) continue; // provisions are mined from the body only
            // Filters and facets only: a provision's hit reads the rest (title, dates, its text) from its article's document.
            if (provisionShared is null)
            {
                provisionShared = RegulationFields(keywords, regulation, statusName, Field.Store.NO);
                provisionShared.Add(new KeywordField(ArticleFields.Kind, ArticleFields.KindProvision, keywords, Field.Store.NO));
                // The title ranks a provision as it ranks an article (个人信息保护法 告知 in provision search).
                provisionShared.Add(Segmented(attributes, ArticleFields.ProvisionTitle, regulation.Title, title, titleTokens, titleTokens.Count, Field.Store.NO));
                provisionShared.Add(Replayed(attributes, ArticleFields.ProvisionTitleBigrams, regulation.Title, title, titleBigrams, TextField.TYPE_NOT_STORED));
            }

            var from = 0;
            foreach (var provision in tag.Provisions)
            {
                var provisionDoc = ProvisionDocuments.Build(attributes, keywords, segmenter, article, provision, text, folded, textTokens, ref from);
                foreach (var field in provisionShared) provisionDoc.Add(field);
                provisionDocs.Add(provisionDoc);
            }
        }

        docs.AddRange(provisionDocs);
        return docs;
    }

    /// <summary>The regulation-wide fields filters, facets, grouping and re-ingest use; stored (for hits) or not.</summary>
    private static List<Field> RegulationFields(KeywordTokenStream keywords, Regulation regulation, string statusName, Field.Store store)
    {
        var fields = new List<Field>
        {
            new KeywordField(ArticleFields.Regulation, regulation.File, keywords, store),
            new SortedDocValuesField(ArticleFields.Regulation, new BytesRef(regulation.File)),
            new KeywordField(ArticleFields.Status, statusName, keywords, store),
            new SortedSetDocValuesField(ArticleFields.Status, new BytesRef(statusName)),
        };
        foreach (var key in DocumentNumberKeys.ForIndex(regulation.DocumentNumber))
            fields.Add(new KeywordField(ArticleFields.DocumentNumberKey, key, keywords, Field.Store.NO));
        foreach (var issuer in regulation.Issuers.Distinct())
        {
            fields.Add(new KeywordField(ArticleFields.Issuer, issuer, keywords, store));
            fields.Add(new SortedSetDocValuesField(ArticleFields.Issuer, new BytesRef(issuer)));
        }

        // Without a date in the text, the year its number bears (银发〔2016〕29号): a year filter must not drop it.
        if ((regulation.Issued?.Year ?? regulation.Effective?.Year ?? DocumentNumberKeys.YearOf(regulation.DocumentNumber)) is { } year)
            fields.Add(new Int32Field(ArticleFields.Year, year, store == Field.Store.YES ? YearStored : Year));
        return fields;
    }

    private static readonly BigramAnalyzer Bigrams = new();

    /// <summary>The tokens <paramref name="analyzer"/> makes of <paramref name="text"/> (term, offsets, position increments).</summary>
    private static List<SegmentToken> Analyse(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<SegmentToken>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var position = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) tokens.Add(new SegmentToken(offset.StartOffset, offset.EndOffset, position.PositionIncrement, term.ToString()));
        stream.End();
        return tokens;
    }

    /// <summary>A field of the given (full, positional) type whose tokens were analysed already.</summary>
    internal static Field Replayed(AttributeSource attributes, string name, string value, string folded, List<SegmentToken> tokens, FieldType type)
    {
        var field = new Field(name, value, type);
        field.SetTokenStream(new SegmentedTokenStream(attributes, folded, tokens, tokens.Count, value.Length));
        return field;
    }

    internal static List<SegmentToken> Segment(ChineseSegmenter segmenter, string folded)
    {
        var tokens = new List<SegmentToken>(folded.Length * 3 / 4 + 4); // seldom more than a token for every 1.5 characters
        segmenter.Tokenize(folded, tokens);
        return tokens;
    }

    /// <summary>Word fields are ranked by BM25 and never searched as phrases (phrases go through the bigram fields):
    /// frequencies without positions are enough, and cheaper to index.</summary>
    private static readonly FieldType WordsStored = Frozen(new FieldType(TextField.TYPE_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS });

    private static readonly FieldType Words = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS });

    /// <summary>The year as one term (no trie of lower-precision terms): a year range spans a few dozen values at most, which
    /// the range query enumerates as cheaply, and the trie's seven more terms per document cost indexing time.</summary>
    /// <remarks>Indexes written with the default step hold the full-precision terms too, so queries match them alike.</remarks>
    internal const int YearPrecisionStep = int.MaxValue;

    private static readonly FieldType YearStored = Frozen(new FieldType(Int32Field.TYPE_STORED) { NumericPrecisionStep = YearPrecisionStep });

    private static readonly FieldType Year = Frozen(new FieldType(Int32Field.TYPE_NOT_STORED) { NumericPrecisionStep = YearPrecisionStep });

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    /// <summary>A text field whose words were segmented already; stored as written where asked.</summary>
    /// <param name="folded">The folded text (of which <paramref name="value"/> may be a prefix) the tokens' terms come from.</param>
    internal static Field Segmented(AttributeSource attributes, string name, string value, string folded, List<SegmentToken> tokens, int count, Field.Store store)
    {
        var field = new Field(name, value, store == Field.Store.YES ? WordsStored : Words);
        field.SetTokenStream(new SegmentedTokenStream(attributes, folded, tokens, count, value.Length));
        return field;
    }

    public static string Id(string file, Article article) =>
        !article.InAttachment ? $"{file}#{article.Number}"
        : article.Attachment > 0 ? $"{file}#att{article.Attachment}.{article.Number}"
        : $"{file}#att.{article.Number}";

    /// <summary>Length of the lead sentence: up to the first 。：； or line break, at most 80 characters.</summary>
    public static int LeadLength(string text)
    {
        var end = text.AsSpan().IndexOfAny(LeadEnds);
        return Math.Min(end < 0 ? text.Length : end, 80);
    }

    private static readonly SearchValues<char> LeadEnds = SearchValues.Create("。：；\n:;");

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
