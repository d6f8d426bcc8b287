using ObligationTracker.Core.Diagnostics;
using ObligationTracker.Core.Pipeline;

namespace ObligationTracker.Cli.Ingestion;

/// <summary>The JSON shape of <c>ot parse --jsonl</c>: one object per document.</summary>
internal sealed record ParsedDocumentJson(
    string File,
    string? Title,
    string? Issuer,
    string? DocumentNumber,
    DateOnly? Issued,
    DateOnly? Effective,
    IReadOnlyList<ParsedArticleJson> Articles,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public static ParsedDocumentJson From(ParsedFile parsed)
    {
        var r = parsed.Regulation;
        return new ParsedDocumentJson(
            Path.GetFileName(parsed.Path),
            r?.Title,
            r?.Issuer,
            r?.DocumentNumber,
            r?.Issued,
            r?.Effective,
            r is null
                ? []
                : [.. r.Articles.Select(a => new ParsedArticleJson(
                    a.Number, a.Heading, a.Chapter, a.Section, a.Text, [.. a.Paragraphs.Select(p => p.Text)], a.Span.Start, a.Span.End, a.InAttachment, a.Attachment))],
            parsed.Diagnostics);
    }
}

/// <summary>An article in <c>ot parse --jsonl</c>; start and end are offsets in the normalised text; attachment is which
/// attachment it stands in (1, 2, …; 0 in the body).</summary>
internal sealed record ParsedArticleJson(
    int Number, string Heading, string? Chapter, string? Section, string Text, IReadOnlyList<string> Paragraphs, int Start, int End, bool InAttachment, int Attachment);
