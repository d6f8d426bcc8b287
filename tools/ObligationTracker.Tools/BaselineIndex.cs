using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using ObligationTracker.Core.Structure;

namespace ObligationTracker.Tools;

/// <summary>A plain Lucene index of the same articles under another analyzer (SmartCn, StandardAnalyzer), searched with
/// the classic query parser over title (boosted as ours) and text, BM25: the baselines of the comparisons.</summary>
internal sealed class BaselineIndex : IDisposable
{
    private readonly Lucene.Net.Store.Directory _directory;
    private readonly Analyzer _analyzer;
    private readonly IndexWriter _writer;
    private DirectoryReader? _reader;

    public BaselineIndex(string path, Analyzer analyzer)
    {
        _directory = FSDirectory.Open(path);
        _analyzer = analyzer;
        _writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = 64,
        });
    }

    public void Add(IEnumerable<Regulation> regulations, int threads)
    {
        Parallel.ForEach(regulations, new ParallelOptions { MaxDegreeOfParallelism = threads }, regulation =>
        {
            var docs = regulation.Articles.Select(a => new Document
            {
                new StringField("id", $"{regulation.File}#{a.Number}", Field.Store.YES),
                new StringField("regulation", regulation.File, Field.Store.NO),
                new TextField("title", regulation.Title, Field.Store.NO),
                new TextField("text", a.Text, Field.Store.YES),
            });
            _writer.UpdateDocuments(new Term("regulation", regulation.File), docs);
        });
        _writer.Commit();
        _reader = DirectoryReader.Open(_writer, true);
    }

    public List<string> Search(string query, int k)
    {
        var parser = new MultiFieldQueryParser(LuceneVersion.LUCENE_48, ["title", "text"], _analyzer,
            new Dictionary<string, float> { ["title"] = 1.5f, ["text"] = 1f });
        Query parsed;
        try
        {
            parsed = parser.Parse(Escape(query));
        }
        catch (ParseException)
        {
            return [];
        }

        var searcher = new IndexSearcher(_reader!) { Similarity = new BM25Similarity() };
        return searcher.Search(parsed, k).ScoreDocs.Select(d => searcher.Doc(d.Doc).Get("id")).ToList();
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _writer.Dispose();
        _directory.Dispose();
    }

    /// <summary>Escapes the classic syntax but keeps quoted phrases and AND/OR/NOT, as a user of such a system would type.</summary>
    private static string Escape(string query)
    {
        var quoted = query.Replace('“', '"').Replace('”', '"');
        var parts = quoted.Split('"');
        for (var i = 0; i < parts.Length; i += 2) parts[i] = QueryParserBase.Escape(parts[i]).Replace("\\-", "-", StringComparison.Ordinal);
        return string.Join('"', parts);
    }
}
