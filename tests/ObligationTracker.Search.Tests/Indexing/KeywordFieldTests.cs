using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using ObligationTracker.Search.Analysis;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Tests.Indexing;

public class KeywordFieldTests
{
    private static readonly string[][] Values = [["银行业金融机构", "支付机构"], ["shall"], ["28", "银行业金融机构", "a b"]];

    [Fact]
    public void Index_SharedStreamAcrossDocumentsAndValues_HoldsWhatStringFieldsHold()
    {
        var expected = Postings(_ => Values.Select(vs => vs.Select(v => (Field)new StringField("type", v, Field.Store.YES))));
        var actual = Postings(keywords => Values.Select(vs => vs.Select(v => (Field)new KeywordField("type", v, keywords, Field.Store.YES))));

        Assert.Equal(6, expected.Count); // one (term, document) per value
        Assert.Equal(expected, actual);
    }

    /// <summary>Every (term, document, stored values) of the field, indexed in one batch as ArticleIndex does.</summary>
    private static List<string> Postings(Func<KeywordTokenStream, IEnumerable<IEnumerable<Field>>> build)
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, ArticleIndex.CreateAnalyzer())))
        {
            var docs = build(new KeywordTokenStream(new AttributeSource())).Select(fields =>
            {
                var doc = new Document();
                foreach (var field in fields) doc.Add(field);
                return doc;
            });
            writer.AddDocuments(docs.ToList());
        }

        using var reader = DirectoryReader.Open(directory);
        var postings = new List<string>();
        var terms = MultiFields.GetTerms(reader, "type").GetEnumerator();
        while (terms.MoveNext())
        {
            var docs = terms.Docs(null, null, DocsFlags.NONE);
            while (docs.NextDoc() != Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS)
                postings.Add($"{terms.Term.Utf8ToString()} {docs.DocID} {string.Join('|', reader.Document(docs.DocID).GetValues("type"))}");
        }

        return postings;
    }
}
