using ObligationTracker.Core.Diagnostics;

namespace ObligationTracker.Core.Ingest;

/// <summary>What reading a file gave: its text, or null with at least one Error diagnostic explaining why.</summary>
public sealed record ReadResult(SourceText? Source, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Source is not null;

    /// <summary>The file could not be read: one Error diagnostic saying why (and what to do).</summary>
    public static ReadResult Failed(string code, string message, string fileName, int? page = null, int? line = null) =>
        new(null, [new Diagnostic(DiagnosticSeverity.Error, code, message, fileName, page, line)]);
}
