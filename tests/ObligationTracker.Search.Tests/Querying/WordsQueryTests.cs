using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using ObligationTracker.Search.Querying;

namespace ObligationTracker.Search.Tests.Querying;

public class WordsQueryTests
{
    /// <summary>Document ids, best first, of a two-word query over whitespace-separated texts.</summary>
    private static List<int> Ranked(string[] texts, WordsQuery query) => Scored(texts, query).Select(d => d.Doc).ToList();

    private static List<(int Doc, float Score, float Explained)> Scored(string[] texts, WordsQuery query)
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))))
        {
            foreach (var text in texts) writer.AddDocument(new Document { new TextField("text", text, Field.Store.NO) });
        }

        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = new CoverageSimilarity(3f, 0.5f) };
        return searcher.Search(query, 10).ScoreDocs.Select(d => (d.Doc, d.Score, searcher.Explain(query, d.Doc).Value)).ToList();
    }

    /// <summary>Document 0 says word 1 in both its forms, document 1 says it once and word 2 twice; y is common elsewhere.</summary>
    private static readonly string[] Texts = ["x y z w", "x z z w", "y w w w", "y w w w", "y w w w", "w w w w", "w w w w", "w w w w", "w w w w", "w w w w"];

    private static WordsQuery.WeightedTerm Text(string word) => new(new Term("text", word), 1f, 1f, null);

    /// <summary>Word 1 typed as x, with y as its synonym; word 2 is z.</summary>
    private static WordsQuery Query(float alternatives) => new(
        [new WordsQuery.Part([Text("x"), Text("y")], IsWord: true), new WordsQuery.Part([Text("z")], IsWord: true)],
        minimumWords: 0, coverage: true, acrossFields: true, separateFields: new HashSet<string>(), accumulators: null)
    { Alternatives = alternatives };

    [Fact]
    public void Search_DocumentHoldingAWordAndItsSynonym_CountsTheWordOnceByItsBestTerm()
    {
        var summed = Ranked(Texts, Query(alternatives: 1f));
        var once = Ranked(Texts, Query(alternatives: 0f));

        Assert.Equal(0, summed[0]); // control: the synonym's score added to the word's outweighs the second mention of z
        Assert.Equal(1, once[0]);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(0.5f)]
    [InlineData(1f)]
    public void Explain_AnyShareOfAlternatives_GivesTheScoreTheSearchGave(float alternatives)
    {
        var scored = Scored(Texts, Query(alternatives));

        Assert.Equal(5, scored.Count); // the documents holding x, y or z
        Assert.All(scored, d => Assert.Equal(d.Score, d.Explained, 4));
    }
}
