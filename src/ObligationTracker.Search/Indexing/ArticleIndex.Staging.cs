using Lucene.Net.Index;
using ObligationTracker.Core.Structure;

namespace ObligationTracker.Search.Indexing;

/// <summary>Adding documents without committing: the indexing threads, and the flush that ends them.</summary>
public sealed partial class ArticleIndex
{
    /// <summary>Adds and deletes without committing: what a killed ingest leaves behind (tests use this).</summary>
    internal void Stage(IEnumerable<Regulation> regulations, Func<Regulation, RegulationStatus>? status, Func<Article, ArticleTags>? tags) =>
        Stage(regulations.Select(r => (r, status?.Invoke(r) ?? RegulationStatus.InForce, tags)));

    /// <summary>Adds the updates' documents without committing (the indexing benchmark stages a stream of them).</summary>
    internal void Stage(IEnumerable<RegulationUpdate> updates) => Stage(updates.Select(u => (u.Regulation, u.Status, u.Tags)));

    /// <summary>Replaces each regulation's articles, analysing the regulations on every core.</summary>
    private void Stage(IEnumerable<(Regulation Regulation, RegulationStatus Status, Func<Article, ArticleTags>? Tags)> regulations)
    {
        var writer = Writable();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.ForEach(regulations, options, item =>
        {
            var (reg, status, tags) = item;
            var docs = ArticleDocuments.Build(reg, status, a => tags?.Invoke(a) ?? DefaultTags(reg, a));
            writer.UpdateDocuments(new Term(ArticleFields.Regulation, reg.File), docs);
        });
        FlushInParallel(writer, options);
    }

    /// <summary>Flushes the indexing threads' buffers on as many threads, where the commit would flush them one after the
    /// other while the other cores wait.</summary>
    /// <remarks>Lucene.Net has no public call for it, but its buffer size can be changed on a live writer: below what is
    /// buffered, each (empty) insert makes the flush policy hand the largest buffer not yet flushing to the inserting
    /// thread, which flushes it there and then. The segments hold what they would have held; they are committed as before.</remarks>
    private static void FlushInParallel(IndexWriter writer, ParallelOptions options)
    {
        var config = writer.Config;
        var buffer = config.RAMBufferSizeMB;
        config.RAMBufferSizeMB = 1.0 / 1024;
        try
        {
            Parallel.For(0, options.MaxDegreeOfParallelism, options, _ => writer.AddDocuments([]));
        }
        finally
        {
            config.RAMBufferSizeMB = buffer;
        }
    }

    /// <summary>Documents buffered in memory, not yet flushed to a segment.</summary>
    internal int BufferedDocuments => Writable().NumRamDocs();

    /// <summary>Flushes staged documents to files without committing (tests use this to leave orphans on disk).</summary>
    internal void FlushWithoutCommit() => Writable().Flush(true, true);
}
