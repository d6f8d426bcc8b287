using Lucene.Net.Index;
using Lucene.Net.Search;
using ObligationTracker.Search.Analysis;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Querying;

/// <summary>Collects the regulations, among those a title phrase finds, whose whole title is the name typed (中华人民共和国
/// aside): 《非银行支付机构监督管理条例》 names the 条例, not its 实施细则, though both titles hold it. It counts the
/// regulations found too, so that a name no title holds is known from the same search.</summary>
internal sealed class ExactTitles(string name) : ICollector
{
    private static readonly ISet<string> Title = new HashSet<string> { ArticleFields.Title };
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private AtomicReader? _segment;
    private SortedDocValues? _files;

    /// <summary>The files of the regulations so titled.</summary>
    public List<string> Files { get; } = [];

    /// <summary>How many regulations the phrase found, titled so or not.</summary>
    public int Regulations => _seen.Count;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        _segment = context.AtomicReader;
        _files = _segment.GetSortedDocValues(ArticleFields.Regulation);
    }

    public void Collect(int doc)
    {
        if (_files is null || _segment is null) return;
        var file = new Lucene.Net.Util.BytesRef();
        _files.Get(doc, file);
        var key = file.Utf8ToString();
        if (!_seen.Add(key)) return;
        var title = TextNormalizer.Fold(_segment.Document(doc, Title).Get(ArticleFields.Title) ?? "").Trim();
        if (title.StartsWith("中华人民共和国", StringComparison.Ordinal)) title = title["中华人民共和国".Length..];
        if (title == name) Files.Add(key);
    }
}
