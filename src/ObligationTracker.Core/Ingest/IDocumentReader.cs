namespace ObligationTracker.Core.Ingest;

/// <summary>Reads one file format into normalised text. Bad input becomes diagnostics, not exceptions.</summary>
public interface IDocumentReader
{
    /// <summary>File extensions this reader handles, lower case with the dot (".pdf").</summary>
    IReadOnlyList<string> Extensions { get; }

    /// <summary>Reads the whole stream; <paramref name="fileName"/> names the file in the result and its diagnostics.</summary>
    ReadResult Read(Stream stream, string fileName);
}
