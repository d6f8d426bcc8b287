using ObligationTracker.Cli.Ingestion;
using ObligationTracker.Core.Diagnostics;
using ObligationTracker.Storage;

namespace ObligationTracker.Cli.Web.Api;

/// <summary>What an upload did: stored (new), replaced (a new version), unchanged (these bytes were stored), reindexed, or failed, with the diagnostics.</summary>
/// <param name="Obligations">Obligations added, changed, removed and unchanged against the previous version, when the file was stored.</param>
internal sealed record UploadResult(
    string Status, string File, long? RegulationId, string? Title, int Articles, ObligationDelta? Obligations, IReadOnlyList<DiagnosticView> Diagnostics)
{
    public static UploadResult From(FileOutcome outcome, string file, long? regulationId)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new UploadResult(outcome.Status.ToString().ToLowerInvariant(), file, regulationId, outcome.Title, outcome.Articles, outcome.Obligations,
            [.. outcome.Diagnostics.Select(d => DiagnosticView.From(d, file))]);
    }
}

/// <summary>One diagnostic: severity, stable code, message, and where (the uploaded file's name, page, line).</summary>
/// <param name="Place">Where, in words: "办法.pdf, page 3, line 12".</param>
internal sealed record DiagnosticView(string Severity, string Code, string Message, string File, int? Page, int? Line, string Place)
{
    public static DiagnosticView From(Diagnostic d, string file)
    {
        ArgumentNullException.ThrowIfNull(d);
        var place = file + (d.Page is { } p ? $", page {p}" : "") + (d.Line is { } l ? $", line {l}" : "");
        return new DiagnosticView(d.Severity == DiagnosticSeverity.Error ? "error" : "warning", d.Code, d.Message, file, d.Page, d.Line, place);
    }
}
