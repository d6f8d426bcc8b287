using Lucene.Net.Analysis.TokenAttributes;
using ObligationTracker.Search.Analysis;

namespace ObligationTracker.Search.Tests.Analysis;

public class BigramAnalyzerTests
{
    [Fact]
    public void Tokens_HanRun_OverlappingBigramsWithOffsets()
    {
        const string text = "不得捆绑，ＡＢ";
        using var analyzer = new BigramAnalyzer();
        using var stream = analyzer.GetTokenStream("text_bi", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var tokens = new List<(string, string)>();
        stream.Reset();
        while (stream.IncrementToken()) tokens.Add((term.ToString(), text[offset.StartOffset..offset.EndOffset]));
        stream.End();
        Assert.Equal([("不得", "不得"), ("得捆", "得捆"), ("捆绑", "捆绑"), ("ab", "ＡＢ")], tokens);
    }
}
