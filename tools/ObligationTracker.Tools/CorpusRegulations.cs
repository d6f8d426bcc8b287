using ObligationTracker.Cli.Ingestion;
using ObligationTracker.Core.Ingest;
using ObligationTracker.Core.Mining;
using ObligationTracker.Core.Structure;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Tools;

/// <summary>The corpus's regulations parsed as ingest will parse them (CorpusText stands in for the readers).</summary>
internal static class CorpusRegulations
{
    /// <remarks>As ingest does, metadata a text leaves out (its 文号, issuers, date) is taken from the MANIFEST.tsv beside it.</remarks>
    public static List<Regulation> Load(string[] args)
    {
        var parser = new RegulationParser();
        var manifests = new ManifestCatalog();

        return CorpusFiles.Resolve(args)
            .Where(f => !Path.GetFileName(f).Equals(SourceManifest.FileName, StringComparison.OrdinalIgnoreCase))
            .Select(f => (File: f, Regulation: parser.Parse(f, CorpusText.ReadNormalised(f))))
            .Select(p => manifests.Complete(p.File, p.Regulation))
            .Where(r => r.Articles.Count > 0)
            .ToList();
    }

    /// <summary>The regulations as ingest indexes them: tagged by their mined obligations, each obligation a provision document.</summary>
    public static List<RegulationUpdate> Mined(IEnumerable<Regulation> regulations) =>
        [.. regulations.AsParallel().AsOrdered().Select(r => new RegulationUpdate(
            r, "corpus", RegulationStatus.InForce, RegulationIndexing.Tags(ObligationExtractor.Default.Extract(r))))];
}
