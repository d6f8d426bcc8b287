using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using ObligationTracker.Search.Analysis;

namespace ObligationTracker.Tools;

/// <summary><c>bench-analysis</c>: single-thread CPU cost of each analysis stage over the corpus's articles (where indexing time goes).</summary>
internal sealed class BenchAnalysisVerb : IToolVerb
{
    public string Name => "bench-analysis";

    public string Summary => "Per-stage MB per CPU-second on one thread: jieba alone, our tokenizer, our analyzer, the bigram analyzer.";

    public Task<int> RunAsync(string[] args)
    {
        var texts = CorpusRegulations.Load([]).SelectMany(r => r.Articles.Select(a => a.Text)).ToList();
        var mb = MachineSpeed.Megabytes(texts);
        var segmenter = ChineseSegmenter.Instance;
        Measure("jieba.NET Cut (reference)", mb, () => MachineSpeed.JiebaCut(texts));
        Measure("ChineseSegmenter.Cut", mb, () =>
        {
            var ends = new List<int>();
            foreach (var t in texts)
            {
                ends.Clear();
                segmenter.Cut(t, ends);
            }
        });
        Measure("ChineseSegmenter.Tokenize", mb, () =>
        {
            var list = new List<SegmentToken>();
            foreach (var t in texts)
            {
                list.Clear();
                segmenter.Tokenize(TextNormalizer.Fold(t), list);
            }
        });
        Measure("RegulationAnalyzer stream", mb, () => Consume(new RegulationAnalyzer(), texts));
        Measure("BigramAnalyzer stream", mb, () => Consume(new BigramAnalyzer(), texts));
        var mentions = new ObligationTracker.Search.Indexing.InstitutionMentions(ObligationTracker.Core.Institutions.InstitutionTaxonomy.Default);
        Measure("InstitutionMentions", mb, () =>
        {
            foreach (var t in texts) _ = mentions.Find("商业银行理财子公司管理办法", t);
        });
        var regulations = CorpusRegulations.Load([]);
        CountTokens(regulations, mb);
        foreach (var without in new[] { "", "title,title_bi", "lead", "text_bi", "chapter,year", "title,title_bi,lead,text_bi,chapter,year" })
        {
            var drop = without.Split(',', StringSplitOptions.RemoveEmptyEntries);
            Measure($"IndexWriter -[{without}]", mb, () =>
            {
                using var dir = new Lucene.Net.Store.RAMDirectory();
                using var writer = new Lucene.Net.Index.IndexWriter(dir, new Lucene.Net.Index.IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48,
                    ObligationTracker.Search.Indexing.ArticleIndex.CreateAnalyzer()) { RAMBufferSizeMB = 64 });
                foreach (var r in regulations)
                {
                    var docs = ObligationTracker.Search.Indexing.ArticleDocuments.Build(r, ObligationTracker.Search.Indexing.RegulationStatus.InForce,
                        _ => ObligationTracker.Search.Indexing.ArticleTags.None);
                    foreach (var d in docs) foreach (var f in drop) d.RemoveFields(f);
                    writer.AddDocuments(docs);
                }

                writer.Commit();
            });
        }

        return Task.FromResult(0);
    }

    /// <summary>Indexed tokens per MB of article text, by field: what the index writer inverts.</summary>
    private static void CountTokens(List<ObligationTracker.Core.Structure.Regulation> regulations, double mb)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        using var analyzer = ObligationTracker.Search.Indexing.ArticleIndex.CreateAnalyzer();
        foreach (var r in regulations)
            foreach (var doc in ObligationTracker.Search.Indexing.ArticleDocuments.Build(r, ObligationTracker.Search.Indexing.RegulationStatus.InForce,
                         _ => ObligationTracker.Search.Indexing.ArticleTags.None))
                foreach (var field in doc.Fields)
                {
                    if (!field.IndexableFieldType.IsIndexed) continue;
                    using var stream = field.GetTokenStream(analyzer);
                    stream.Reset();
                    var n = 0L;
                    while (stream.IncrementToken()) n++;
                    stream.End();
                    counts[field.Name] = counts.GetValueOrDefault(field.Name) + n;
                }

        Console.WriteLine($"tokens per MB: {string.Join(", ", counts.Select(p => $"{p.Key} {p.Value / mb / 1000:0}k"))}; total {counts.Values.Sum() / mb / 1000:0}k");
    }

    private static void Consume(Analyzer analyzer, List<string> texts)
    {
        foreach (var t in texts)
        {
            using var stream = analyzer.GetTokenStream("f", t);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken()) _ = term.Length;
            stream.End();
        }
    }

    private static void Measure(string name, double mb, Action action)
    {
        var (best, bestWall) = MachineSpeed.BestOfThree(action);
        Console.WriteLine($"{name,-28} {mb / best,6:0.00} MB/cpu-s   (best of 3: {bestWall:0.00} s wall, {best:0.00} s cpu, {mb:0.00} MB)");
    }
}
