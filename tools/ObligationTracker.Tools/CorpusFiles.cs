namespace ObligationTracker.Tools;

/// <summary>The files a verb works on: the arguments (files, or folders searched for *.md), else the shared regulations corpus.</summary>
internal static class CorpusFiles
{
    public static List<string> Resolve(string[] args)
    {
        var roots = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (roots.Count == 0) roots.Add(RepoPaths.SharedRegulations);
        return roots
            .SelectMany(r => Directory.Exists(r) ? Directory.EnumerateFiles(r, "*.md", SearchOption.AllDirectories) : [r])
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
