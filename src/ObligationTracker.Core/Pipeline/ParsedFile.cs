using ObligationTracker.Core.Diagnostics;
using ObligationTracker.Core.Structure;

namespace ObligationTracker.Core.Pipeline;

/// <summary>One input file read and parsed: the regulation, or null when the file could not be read.</summary>
/// <param name="Path">The path as the user gave it.</param>
/// <param name="Regulation">The parsed regulation; its diagnostics include the reader's.</param>
/// <param name="Diagnostics">Every diagnostic of reading and parsing.</param>
public sealed record ParsedFile(string Path, Regulation? Regulation, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Failed => Regulation is null;
}
