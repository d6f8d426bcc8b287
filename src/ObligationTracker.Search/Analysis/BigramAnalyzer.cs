using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace ObligationTracker.Search.Analysis;

/// <summary>Overlapping character bigrams of the folded text (a lone Han character stays a unigram), for recall where
/// jieba segments a query and a document differently, and for exact phrases as bigram phrase queries.</summary>
public sealed class BigramAnalyzer : Analyzer
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TextReader InitReader(string fieldName, TextReader reader) => new FoldingCharFilter(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader) { MaxTokenLength = 255 };
        // No LowerCaseFilter: the folding char filter lower-cases already (and the filter's culture-aware casing is costly).
        TokenStream stream = new CJKBigramFilter(source);
        return new TokenStreamComponents(source, stream);
    }
}
