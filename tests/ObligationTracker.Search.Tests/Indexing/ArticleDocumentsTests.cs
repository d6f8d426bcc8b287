using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Tests.Indexing;

public class ArticleDocumentsTests
{
    private static List<(string, int, int, int)> Tokens(TokenStream stream)
    {
        var tokens = new List<(string, int, int, int)>();
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var position = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) tokens.Add((term.ToString(), offset.StartOffset, offset.EndOffset, position.PositionIncrement));
        stream.End();
        stream.Dispose();
        return tokens;
    }

    [Theory]
    [InlineData(ArticleFields.Title)]
    [InlineData(ArticleFields.TitleBigrams)]
    [InlineData(ArticleFields.Text)]
    [InlineData(ArticleFields.Chapter)]
    public void Build_FieldAnalysedOncePerRegulation_IndexesTheTokensItsAnalyzerMakes(string field)
    {
        var analyzer = ArticleIndex.CreateAnalyzer();
        var checkedFields = 0;
        foreach (var regulation in new[] { Samples.DataSecurity(), Samples.Banking(), Samples.Payments() })
        {
            foreach (var doc in ArticleDocuments.Build(regulation, RegulationStatus.InForce, _ => ArticleTags.None))
            {
                foreach (var indexed in doc.GetFields(field))
                {
                    var expected = Tokens(analyzer.GetTokenStream(field, indexed.GetStringValue()));
                    Assert.NotEmpty(expected);
                    Assert.Equal(expected, Tokens(indexed.GetTokenStream(analyzer)));
                    checkedFields++;
                }
            }
        }

        Assert.True(checkedFields >= 3, $"only {checkedFields} {field} fields built");
    }
}
