namespace ObligationTracker.Core.Diagnostics;

/// <summary>One message about an input file: what went wrong (or is doubtful) and where.</summary>
/// <param name="Severity">Error: the file could not be used. Warning: it was used, but something is doubtful.</param>
/// <param name="Code">A stable key (see <see cref="DiagnosticCodes"/>); tests assert the code, not the wording.</param>
/// <param name="Message">A sentence for a person, saying what to do where there is something to do.</param>
/// <param name="File">The file's name as the user gave it.</param>
/// <param name="Page">1-based page, for paged formats.</param>
/// <param name="Line">1-based line in the normalised text or the source.</param>
public sealed record Diagnostic(
    DiagnosticSeverity Severity,
    string Code,
    string Message,
    string File,
    int? Page = null,
    int? Line = null)
{
    public override string ToString()
    {
        var where = File;
        if (Page is { } p) where += $", page {p}";
        if (Line is { } l) where += $", line {l}";
        return $"{where}: {(Severity == DiagnosticSeverity.Error ? "error" : "warning")} {Code}: {Message}";
    }
}
