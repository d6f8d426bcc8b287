namespace ObligationTracker.Core.Ingest;

/// <summary>What a file's first bytes say it is, whatever its name says.</summary>
public enum FileKind
{
    Unknown,
    Pdf,
    Zip,
    Ole,
    Rtf,
    Html,
}
