using Lucene.Net.Index;
using Lucene.Net.Search;
using ObligationTracker.Core.Institutions;
using ObligationTracker.Core.Structure;
using ObligationTracker.Search.Analysis;
using ObligationTracker.Search.Querying;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ObligationTracker.Search.Indexing;

/// <summary>The Lucene index of articles and provisions: one document per article and one per provision (obligation),
/// replaced a regulation at a time.</summary>
/// <remarks>
/// Each <see cref="Replace(Regulation, RegulationStatus, Func{Article, ArticleTags}?)"/> deletes the regulation's
/// documents and adds the new ones in one commit, so readers never see half a regulation; a process killed before
/// the commit leaves the index at its previous commit, which the next open reads (Lucene drops the unreferenced
/// files), and the next ingest completes the work. Opened read-only, the index takes no write lock and can be
/// searched while another process ingests.
/// </remarks>
public sealed partial class ArticleIndex : IDisposable
{
    private readonly LuceneDirectory _directory;
    private readonly IndexWriter? _writer;
    private readonly ReferenceManager<IndexSearcher> _searchers;
    private readonly InstitutionMentions _mentions;
    private readonly FacetOrdinals.Cache _facets = new();
    private readonly ScoreAccumulators _accumulators = new();
    private readonly KindFilters _kinds = new();
    private readonly System.Threading.Lock _commitLock = new();
    private readonly FileStream? _writerLock;

    private ArticleIndex(LuceneDirectory directory, IndexWriter? writer, ReferenceManager<IndexSearcher> searchers, FileStream? writerLock = null)
    {
        _writerLock = writerLock;
        _directory = directory;
        _writer = writer;
        _searchers = searchers;
        _mentions = new InstitutionMentions(InstitutionTaxonomy.Default);
    }

    /// <summary>Replaces the regulation's articles (matched by its file name) in one commit.</summary>
    public void Replace(Regulation regulation, RegulationStatus status = RegulationStatus.InForce, Func<Article, ArticleTags>? tags = null) =>
        Replace([regulation], _ => status, tags);

    /// <summary>Replaces several regulations in one commit, analysing them on every core.</summary>
    public void Replace(IEnumerable<Regulation> regulations, Func<Regulation, RegulationStatus>? status = null, Func<Article, ArticleTags>? tags = null)
    {
        lock (_commitLock)
        {
            Stage(regulations, status, tags);
            Commit();
        }
    }

    /// <summary>
    /// Replaces one regulation's articles and records <paramref name="version"/> (the source's content hash) for it,
    /// in one commit; where the regulation was indexed before under another file name, those articles go in the same commit.
    /// </summary>
    public void Replace(Regulation regulation, string version, RegulationStatus status, Func<Article, ArticleTags>? tags, string? previousFile = null) =>
        Apply([new RegulationUpdate(regulation, version, status, tags, previousFile)], []);

    /// <summary>
    /// Replaces and deletes regulations in one commit, recording each replaced one's version and status with it
    /// (<see cref="Indexed"/> reads them back), so readers see all of it or none.
    /// </summary>
    public void Apply(IReadOnlyCollection<RegulationUpdate> replace, IReadOnlyCollection<string> delete)
    {
        ArgumentNullException.ThrowIfNull(replace);
        ArgumentNullException.ThrowIfNull(delete);
        lock (_commitLock)
        {
            // The commit data is read, changed and written back: one writer thread at a time, or a concurrent commit's keys are lost.
            var writer = Writable();
            var data = new Dictionary<string, string>(writer.CommitData ?? new Dictionary<string, string>(), StringComparer.Ordinal);
            var replaced = replace.Select(r => r.Regulation.File).ToHashSet(StringComparer.Ordinal);
            var gone = delete.Concat(replace.Select(r => r.PreviousFile).OfType<string>()).Where(f => !replaced.Contains(f)).Distinct(StringComparer.Ordinal);
            foreach (var file in gone)
            {
                writer.DeleteDocuments(new Term(ArticleFields.Regulation, file));
                data.Remove(VersionKey(file));
                data.Remove(StatusKey(file));
            }

            Stage(replace);
            foreach (var update in replace)
            {
                data[VersionKey(update.Regulation.File)] = LayoutPrefix.Value + update.Version;
                data[StatusKey(update.Regulation.File)] = RegulationStatusNames.Name(update.Status);
            }

            writer.SetCommitData(data);
            Commit();
        }
    }

    /// <summary>The version recorded by the last commit that indexed <paramref name="file"/>, or null.</summary>
    /// <remarks>Ingest skips a file only when both the store and the index hold its bytes; a run killed between the two is completed next time.</remarks>
    public string? IndexedVersion(string file) => VersionOf(CommitData(), file);

    /// <summary>Every regulation the index holds articles of, with the version and status its last indexing recorded (null where none was).</summary>
    public IReadOnlyList<IndexedRegulation> Indexed()
    {
        var data = CommitData();
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var key in data.Keys)
            if (key.StartsWith(VersionPrefix, StringComparison.Ordinal)) files.Add(key[VersionPrefix.Length..]);
        files.UnionWith(WithSearcher(searcher => LiveTerms(searcher.IndexReader, ArticleFields.Regulation)));

        return [.. files.Select(f => new IndexedRegulation(
            f,
            VersionOf(data, f),
            data.TryGetValue(StatusKey(f), out var status) ? RegulationStatusNames.Of(status) : null))];
    }

    /// <summary>The issuers of the regulations the index holds (each once, in ordinal order): what an issuer filter can find.</summary>
    public IReadOnlyList<string> Issuers() => WithSearcher(searcher => LiveTerms(searcher.IndexReader, ArticleFields.Issuer));

    /// <summary>The terms of <paramref name="field"/> that a live document holds, in term order.</summary>
    /// <remarks>Terms outlive their deleted documents until a merge: a term counts only while a live document has it.</remarks>
    private static List<string> LiveTerms(IndexReader reader, string field)
    {
        var values = new List<string>();
        var live = MultiFields.GetLiveDocs(reader);
        if (MultiFields.GetTerms(reader, field)?.GetEnumerator() is { } terms)
        {
            while (terms.MoveNext())
                if (terms.Docs(live, null, DocsFlags.NONE).NextDoc() != DocIdSetIterator.NO_MORE_DOCS) values.Add(terms.Term.Utf8ToString());
        }

        return values;
    }

    /// <summary>Deletes a regulation's articles (and what was recorded for it) in one commit.</summary>
    public void Delete(string file) => Apply([], [file]);

    /// <summary>Number of article documents at the last commit or refresh.</summary>
    public int Count => CountOf(ArticleFields.KindArticle);

    /// <summary>Number of provision documents at the last commit or refresh.</summary>
    public int ProvisionCount => CountOf(ArticleFields.KindProvision);

    private int CountOf(string kind) => WithSearcher(searcher =>
    {
        var count = new TotalHitCountCollector();
        searcher.Search(new TermQuery(new Term(ArticleFields.Kind, kind)), count);
        return count.TotalHits;
    });

    /// <summary>
    /// The version of what searches see now: it changes with every commit searches are refreshed to (an ingest, a catch-up),
    /// so an answer cached under it is an answer the index would give again.
    /// </summary>
    public long Version
    {
        get
        {
            var searcher = _searchers.Acquire();
            try
            {
                return ((DirectoryReader)searcher.IndexReader).Version;
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    public SearchResult Search(SearchRequest request) => Search(request, null);

    internal SearchResult Search(SearchRequest request, QueryWeights? weights, SearchStages? stages = null)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return new ArticleSearcher(searcher, weights, _facets, _accumulators, _kinds).Search(request, stages);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Runs <paramref name="action"/> on the current searcher (the profile tool's experiments).</summary>
    internal T WithSearcher<T>(Func<IndexSearcher, T> action)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return action(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer?.Dispose();
        _directory.Dispose();
        _writerLock?.Dispose();
    }

    private ArticleTags DefaultTags(Regulation regulation, Article article) =>
        new(_mentions.Find(regulation.Title, article.Text), []);

    private void Commit()
    {
        Writable().Commit();
        _searchers.MaybeRefreshBlocking();
    }

    private const string VersionPrefix = "version:";

    /// <summary>What the documents of a regulation hold, recorded with its version: a regulation indexed under another layout
    /// reads as not indexed, so ingest and the catch-up index it again. The layout is a number (2: provision documents,
    /// article numbers as terms, kind-only keys of orders 令; 3: provisions carry their regulation's title; 4: articles'
    /// roles: purpose statements, lists, times; 5: the penalty and definition roles and the articles a penalty sanctions; 6: durations set a time, 至少保存5年;
    /// 7: the actor role and what lists are lists of) and the dictionary's fingerprint: a new term of art changes how
    /// texts are cut into words. Recorded as "layout:version", the prefix made once (the dictionary is loaded once and never
    /// changes).</summary>
    private static readonly Lazy<string> LayoutPrefix = new(() => LayoutNumber + "." + ChineseSegmenter.Instance.Dictionary.Version + ":");

    private const string LayoutNumber = "7";

    /// <summary>The version recorded for a file under the current layout; null where none is, or under an older layout.</summary>
    private static string? VersionOf(IDictionary<string, string> data, string file) =>
        data.TryGetValue(VersionKey(file), out var recorded) && recorded.StartsWith(LayoutPrefix.Value, StringComparison.Ordinal)
            ? recorded[LayoutPrefix.Value.Length..]
            : null;

    private static string VersionKey(string file) => VersionPrefix + file;

    private static string StatusKey(string file) => "status:" + file;

    /// <summary>The user data of the last commit: the writer holds it; a read-only index reads it from the newest commit point.</summary>
    private IDictionary<string, string> CommitData() =>
        (_writer is not null ? _writer.CommitData : DirectoryReader.ListCommits(_directory)[^1].UserData) ?? new Dictionary<string, string>();

    private IndexWriter Writable() =>
        _writer ?? throw new InvalidOperationException("This index was opened read-only.");
}
