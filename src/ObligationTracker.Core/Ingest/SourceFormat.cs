namespace ObligationTracker.Core.Ingest;

/// <summary>The format a regulation was read from.</summary>
public enum SourceFormat
{
    PlainText,
    Markdown,
    Pdf,
    Docx,
    Html,
}
