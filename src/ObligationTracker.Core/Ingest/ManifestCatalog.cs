using System.Collections.Concurrent;
using ObligationTracker.Core.Diagnostics;
using ObligationTracker.Core.Structure;

namespace ObligationTracker.Core.Ingest;

/// <summary>The <see cref="SourceManifest"/> of each folder sources are read from, each read once (thread-safe).</summary>
public sealed class ManifestCatalog
{
    private readonly ConcurrentDictionary<string, Lazy<SourceManifest?>> _manifests = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    /// <summary>
    /// The regulation read from <paramref name="path"/>, completed from the manifest in its folder (where there is one);
    /// the manifest's own warnings are added to <paramref name="diagnostics"/> with the first file of its folder.
    /// </summary>
    public Regulation Complete(string path, Regulation regulation, List<Diagnostic>? diagnostics = null)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? "";
        var manifestPath = Path.Combine(folder, SourceManifest.FileName);
        var manifest = _manifests.GetOrAdd(folder, _ => new Lazy<SourceManifest?>(() => Read(manifestPath))).Value;
        bool first;
        lock (_reported) first = _reported.Add(folder);
        if (first && diagnostics is not null)
        {
            if (manifest is not null) diagnostics.AddRange(manifest.Diagnostics);
            else if (File.Exists(manifestPath))
                diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.ManifestRow, "The manifest could not be read; metadata the texts lack is not filled in.", manifestPath));
        }

        return manifest is null ? regulation : manifest.Complete(regulation);
    }

    private static SourceManifest? Read(string manifestPath)
    {
        try
        {
            return File.Exists(manifestPath) ? SourceManifest.Read(manifestPath) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
