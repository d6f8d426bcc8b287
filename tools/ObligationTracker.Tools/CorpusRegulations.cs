using ObligationTracker.Core.Structure;

namespace ObligationTracker.Tools;

/// <summary>The corpus's regulations parsed as ingest will parse them (CorpusText stands in for the readers).</summary>
internal static class CorpusRegulations
{
    public static List<Regulation> Load(string[] args)
    {
        var parser = new RegulationParser();
        return CorpusFiles.Resolve(args)
            .Where(f => !Path.GetFileName(f).Equals("MANIFEST.tsv", StringComparison.OrdinalIgnoreCase))
            .Select(f => parser.Parse(f, CorpusText.ReadNormalised(f)))
            .Where(r => r.Articles.Count > 0)
            .ToList();
    }
}
