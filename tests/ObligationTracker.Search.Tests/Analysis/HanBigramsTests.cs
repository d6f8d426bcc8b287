using ObligationTracker.Search.Analysis;

namespace ObligationTracker.Search.Tests.Analysis;

/// <summary>The index's text bigrams made directly must be BigramAnalyzer's, which the queries use, token for token.</summary>
public class HanBigramsTests
{
    private static List<(string Term, int Start, int End, int Increment)> AnalyzerTokens(string text)
    {
        using var analyzer = new BigramAnalyzer();
        return AnalyzedTokens.Read(analyzer, "text_bi", text);
    }

    private static List<(string Term, int Start, int End, int Increment)>? DirectTokens(string text)
    {
        var folded = TextNormalizer.Fold(text);
        var tokens = new List<SegmentToken>();
        if (!HanBigrams.TryTokenize(folded, tokens)) return null;
        return tokens.Select(t => (t.Term ?? folded[t.Start..t.End], t.Start, t.End, t.PositionIncrement)).ToList();
    }

    [Fact]
    public void TryTokenize_EveryLineOfTheRealCorpus_GivesTheAnalyzersTokensOrDeclines()
    {
        var covered = 0;
        var lines = 0;
        foreach (var file in Directory.GetFiles(RepoPaths.SharedRegulations, "*.md"))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (line.Length == 0) continue;
                lines++;
                if (DirectTokens(line) is not { } direct) continue;
                Assert.Equal(AnalyzerTokens(line), direct);
                covered++;
            }
        }

        Assert.True(covered > lines * 0.8, $"only {covered} of {lines} lines tokenized directly");
    }

    [Theory]
    [InlineData("第3.5条 1,000元 a.b v2.0.1 x:y 3:00 1;2 a,b 3.a a.1 ab12cd 2024年3月31日前")]
    [InlineData("银行。保险！（一）【二】〔2024〕24号《办法》“数据”…—、 end.")]
    [InlineData("单")]
    [InlineData("a")]
    [InlineData("  ")]
    [InlineData("")]
    [InlineData("ＡＢＣ１２３，第１２条：数据")]
    public void TryTokenize_NumbersLatinAndPunctuation_GivesTheAnalyzersTokens(string text)
    {
        var direct = DirectTokens(text);
        Assert.NotNull(direct);
        Assert.Equal(AnalyzerTokens(text), direct);
    }

    [Theory]
    [InlineData("株式会社カタカナ")]
    [InlineData("it's")]
    [InlineData("二〇二四年")]
    [InlineData("a_b")]
    public void TryTokenize_CharactersItDoesNotCover_Declines(string text)
    {
        var tokens = new List<SegmentToken>();
        Assert.False(HanBigrams.TryTokenize(TextNormalizer.Fold(text), tokens));
        Assert.Empty(tokens);
    }
}
