using ObligationTracker.Core.Diagnostics;

namespace ObligationTracker.Core.Ingest;

/// <summary>Reads .txt and .md files in UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK.</summary>
public sealed class PlainTextReader : IDocumentReader
{
    public IReadOnlyList<string> Extensions { get; } = [".txt", ".text", ".md", ".markdown"];

    public ReadResult Read(Stream stream, string fileName)
    {
        var bytes = StreamBytes.ReadAll(stream);
        if (bytes.Count == 0) return ReadResult.Failed(DiagnosticCodes.EmptyFile, "The file is empty.", fileName);

        var decoded = TextDecoder.Decode(bytes);
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        var markdown = ext is ".md" or ".markdown";
        var text = TextNormalizer.Normalize(decoded.Text, markdown);
        if (text.Length == 0) return ReadResult.Failed(DiagnosticCodes.EmptyFile, "The file holds no text, only white space.", fileName);

        var diagnostics = new List<Diagnostic>();
        if (decoded.Guessed)
            diagnostics.Add(new(DiagnosticSeverity.Warning, DiagnosticCodes.EncodingGuessed,
                $"The file is not UTF-8 and its encoding could not be detected with confidence; it was read as {decoded.EncodingName}. Check the text, or save the file as UTF-8.",
                fileName));
        var replaced = text.Count(c => c == '\uFFFD');
        if (replaced > 0)
            diagnostics.Add(new(DiagnosticSeverity.Warning, DiagnosticCodes.EncodingGuessed,
                $"{replaced} byte sequence(s) in the file were not valid {decoded.EncodingName} and were replaced by U+FFFD.", fileName));
        return new(new SourceText(fileName, markdown ? SourceFormat.Markdown : SourceFormat.PlainText, text, null), diagnostics);
    }
}
