using ObligationTracker.Core.Diagnostics;
using ObligationTracker.Core.Ingest;
using ObligationTracker.Core.Pipeline;

namespace ObligationTracker.Cli.Ingestion;

/// <summary>Expands the paths given on the command line: files as given, folders recursively (supported formats only).</summary>
internal static class InputFiles
{
    public static (IReadOnlyList<string> Files, IReadOnlyList<Diagnostic> Missing) Expand(IEnumerable<string> paths, DocumentReaders readers)
    {
        var files = new List<string>();
        var missing = new List<Diagnostic>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
                files.Add(path);
            else if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => readers.IsSupported(f) && !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal));
            else
                missing.Add(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.FileNotFound, "No such file or folder.", path));
        }

        return (files, missing);
    }

    /// <summary>Reads and parses every input in turn (missing paths reported to <paramref name="errors"/>); returns how many could not be read.</summary>
    public static int LoadEach(IEnumerable<string> paths, TextWriter errors, Action<ParsedFile> each)
    {
        var loader = new RegulationLoader();
        var (files, missing) = Expand(paths, loader.Readers);
        foreach (var diagnostic in missing) errors.WriteLine(diagnostic);
        var failed = missing.Count;
        foreach (var file in files)
        {
            var parsed = loader.Load(file);
            if (parsed.Failed) failed++;
            each(parsed);
        }

        return failed;
    }
}
