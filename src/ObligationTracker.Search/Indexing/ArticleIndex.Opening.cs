using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using ObligationTracker.Search.Analysis;

namespace ObligationTracker.Search.Indexing;

/// <summary>Opening an index: for writing (one process at a time) or for searching only, with its analyzers and similarity.</summary>
public sealed partial class ArticleIndex
{
    public const double DefaultRamBufferMegabytes = 128;

    internal static Similarity Similarity { get; } = new BM25Similarity();

    /// <summary>Analyzer per field: jieba words by default, character bigrams for the *_bi fields.</summary>
    public static Analyzer CreateAnalyzer() => new PerFieldAnalyzerWrapper(
        new RegulationAnalyzer(),
        new Dictionary<string, Analyzer>
        {
            [ArticleFields.TextBigrams] = new BigramAnalyzer(),
            [ArticleFields.TitleBigrams] = new BigramAnalyzer(),
            [ArticleFields.ProvisionTextBigrams] = new BigramAnalyzer(),
            [ArticleFields.ProvisionTitleBigrams] = new BigramAnalyzer(),
        });

    /// <summary>Opens (creating where absent) the index in <paramref name="path"/> for reading and writing.</summary>
    /// <param name="ramBufferMegabytes">Indexing buffer: segments are flushed by the indexing threads (in parallel) as it
    /// fills, and what is left at the commit is flushed on one thread. With provisions indexed beside the articles, 128 MB
    /// flushes and merges less than 64 MB did (40.6 against 46.1 s of CPU for the replicated 100 MB) while keeping that serial
    /// tail short (1.3 s, against 4.7 s at 256 MB).</param>
    public static ArticleIndex Open(string path, double ramBufferMegabytes = DefaultRamBufferMegabytes)
    {
        System.IO.Directory.CreateDirectory(path);
        var writerLock = LockOutOtherProcesses(path);
        var directory = new MappedDirectory(FSDirectory.Open(path));
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, CreateAnalyzer())
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = Similarity,
            // Plain files (no compound file) save copying every flushed and merged segment once more.
            RAMBufferSizeMB = ramBufferMegabytes,
            UseCompoundFile = false,
            MergePolicy = new TieredMergePolicy { NoCFSRatio = 0, SegmentsPerTier = 20 },
        };
        IndexWriter writer;
        try
        {
            writer = new IndexWriter(directory, config); // LockObtainFailedException while another writer holds the index
        }
        catch
        {
            directory.Dispose();
            writerLock.Dispose();
            throw;
        }

        if (!DirectoryReader.IndexExists(directory)) writer.Commit(); // an empty index can be searched at once
        return new ArticleIndex(directory, writer, new SearcherManager(writer, true, new SimilarSearcherFactory()), writerLock);
    }

    /// <summary>An exclusive OS lock on a file in the index folder, held while the index is open for writing.</summary>
    /// <remarks>
    /// Lucene.Net's own write lock (NativeFSLockFactory) excludes writers within one process only on Linux — a second
    /// process takes it too, and deletes the lock file when done — so two processes (ot ingest beside ot serve) could write
    /// one index at once. A record lock (fcntl, FileStream.Lock) is seen by other processes and dropped by the OS when the
    /// process dies, so a crash leaves nothing to clean up; the file stays shared, so copying the folder still works.
    /// </remarks>
    private static FileStream LockOutOtherProcesses(string path)
    {
        var stream = new FileStream(Path.Combine(path, "ot-writer.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        try
        {
            if (!OperatingSystem.IsMacOS()) stream.Lock(0, 1); // .NET has no record locks there; Lucene's lock is all there is
            return stream;
        }
        catch (IOException ex)
        {
            stream.Dispose();
            throw new LockObtainFailedException($"The index in {path} is open for writing in another process: {ex.Message}", ex);
        }
    }

    /// <summary>Opens an existing index for searching only, at its last commit; null where there is none.</summary>
    public static ArticleIndex? OpenReadOnly(string path)
    {
        if (!System.IO.Directory.Exists(path)) return null;
        var directory = new MappedDirectory(FSDirectory.Open(path));
        if (!DirectoryReader.IndexExists(directory))
        {
            directory.Dispose();
            return null;
        }

        return new ArticleIndex(directory, null, new SearcherManager(directory, new SimilarSearcherFactory()));
    }

    private sealed class SimilarSearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Similarity };
    }
}
