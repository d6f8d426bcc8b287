using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace ObligationTracker.Search.Tests;

/// <summary>Reads a token stream to its end: each token's term, offsets and position increment.</summary>
internal static class AnalyzedTokens
{
    public static List<(string Term, int Start, int End, int Increment)> Read(Analyzer analyzer, string field, string text)
    {
        return Read(analyzer.GetTokenStream(field, text));
    }

    public static List<(string Term, int Start, int End, int Increment)> Read(TokenStream stream)
    {
        using (stream)
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var tokens = new List<(string, int, int, int)>();
            stream.Reset();
            while (stream.IncrementToken()) tokens.Add((term.ToString(), offset.StartOffset, offset.EndOffset, increment.PositionIncrement));
            stream.End();
            return tokens;
        }
    }
}
