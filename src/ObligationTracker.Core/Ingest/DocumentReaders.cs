using ObligationTracker.Core.Diagnostics;

namespace ObligationTracker.Core.Ingest;

/// <summary>
/// The one entry point for reading input files: picks the reader by extension and magic bytes, enforces a size limit,
/// and turns every failure into one Error diagnostic naming the file. Never throws for bad input.
/// </summary>
public sealed class DocumentReaders
{
    /// <summary>64 MB: far above any real regulation, low enough that a stray video or dump is refused before it is read.</summary>
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    private static readonly string[] LegacyWordExtensions = [".doc", ".dot", ".wps"];

    private readonly Dictionary<string, IDocumentReader> byExtension = new(StringComparer.OrdinalIgnoreCase);

    public DocumentReaders(long maxBytes = DefaultMaxBytes)
        : this(DefaultReaders(), maxBytes)
    {
    }

    public DocumentReaders(IEnumerable<IDocumentReader> readers, long maxBytes = DefaultMaxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        MaxBytes = maxBytes;
        foreach (var reader in readers)
            foreach (var ext in reader.Extensions)
                byExtension[ext] = reader;
    }

    /// <summary>Files larger than this are refused with <see cref="DiagnosticCodes.FileTooLarge"/> without being read.</summary>
    public long MaxBytes { get; }

    /// <summary>Extensions worth picking up when scanning a folder (legacy .doc included: it gets a diagnostic that says what to do).</summary>
    public IReadOnlyCollection<string> Extensions => [.. byExtension.Keys.Concat(LegacyWordExtensions).Order(StringComparer.Ordinal)];

    public static IReadOnlyList<IDocumentReader> DefaultReaders() => [new PlainTextReader(), new Pdf.PdfReader(), new Docx.DocxReader(), new Html.HtmlReader()];

    public bool IsSupported(string path) => Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads a file; <paramref name="path"/> names it in the result and in diagnostics.</summary>
    public ReadResult ReadFile(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
                return ReadResult.Failed(DiagnosticCodes.FileNotFound,
                    Directory.Exists(path) ? "This is a folder, not a file." : "The file does not exist.", path);
            if (info.Length == 0) return ReadResult.Failed(DiagnosticCodes.EmptyFile, "The file is empty.", path);
            if (info.Length > MaxBytes) return TooLarge(path, info.Length);
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return Read(stream, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return ReadResult.Failed(DiagnosticCodes.FileUnreadable, $"The file could not be opened: {ex.Message}", path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return ReadResult.Failed(DiagnosticCodes.FileNotFound, $"The path is not valid: {ex.Message}", path ?? "");
        }
    }

    /// <summary>Reads a stream (from its current position) as the file <paramref name="fileName"/>.</summary>
    public ReadResult Read(Stream stream, string fileName)
    {
        if (stream.CanSeek && stream.Length - stream.Position > MaxBytes) return TooLarge(fileName, stream.Length - stream.Position);
        var bytes = ReadBounded(stream);
        if (bytes is null) return TooLarge(fileName, null);
        if (bytes.Length == 0) return ReadResult.Failed(DiagnosticCodes.EmptyFile, "The file is empty.", fileName);

        var kind = FileSniffer.Sniff(bytes.AsSpan(0, Math.Min(bytes.Length, FileSniffer.HeaderLength)));
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        var (reader, failure) = Route(ext, kind, fileName);
        if (reader is null) return failure!;
        try
        {
            var result = reader.Read(new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true), fileName);
            if (result.Source is null && !result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
                return ReadResult.Failed(DiagnosticCodes.CorruptFile, "The file could not be read.", fileName);
            if (result.Source is { Text.Length: 0 })
                return ReadResult.Failed(DiagnosticCodes.EmptyFile, "The file holds no text once headers, footers and page chrome are removed.", fileName);
            return result;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A reader library choked on malformed input: that is the file's fault, not the run's.
            return ReadResult.Failed(DiagnosticCodes.CorruptFile,
                $"The file could not be read as {ext.TrimStart('.')}; it is probably damaged or truncated ({ex.GetType().Name}: {ex.Message}).", fileName);
        }
    }

    private (IDocumentReader? Reader, ReadResult? Failure) Route(string ext, FileKind kind, string fileName)
    {
        ReadResult Fail(string code, string message) => ReadResult.Failed(code, message, fileName);
        (IDocumentReader?, ReadResult?) Use(string asExtension) =>
            byExtension.TryGetValue(asExtension, out var r)
                ? (r, null)
                : (null, Fail(DiagnosticCodes.UnsupportedFormat, $"The file is {FileSniffer.Describe(kind)}, a format this build cannot read."));

        var legacy = Fail(DiagnosticCodes.LegacyDoc,
            "This is a legacy Word .doc (binary) file: convert it to .docx (e.g. libreoffice --headless --convert-to docx) and ingest that.");
        var rtf = Fail(DiagnosticCodes.UnsupportedFormat,
            "This is an RTF document: convert it to .docx (e.g. libreoffice --headless --convert-to docx) and ingest that.");

        switch (ext)
        {
            case ".pdf":
                return kind == FileKind.Pdf
                    ? Use(".pdf")
                    : (null, Fail(DiagnosticCodes.CorruptFile,
                        $"The file is named .pdf but is not a PDF: it does not start with %PDF- ({FileSniffer.Describe(kind)}). It is damaged or misnamed."));
            case ".docx":
                return kind switch
                {
                    FileKind.Zip => Use(".docx"),
                    FileKind.Ole => (null, Fail(DiagnosticCodes.LegacyDoc,
                        "The file is named .docx but is an OLE compound file: a legacy .doc renamed, or a password-protected document. " +
                        "Save it as .docx without a password (e.g. libreoffice --headless --convert-to docx) and ingest that.")),
                    _ => (null, Fail(DiagnosticCodes.CorruptFile,
                        $"The file is named .docx but is not a zip archive, so it is not a Word .docx ({FileSniffer.Describe(kind)}). It is damaged or misnamed.")),
                };
            case ".doc" or ".dot" or ".wps":
                return kind switch
                {
                    FileKind.Ole => (null, legacy),
                    FileKind.Zip => Use(".docx"),
                    FileKind.Html => Use(".html"),
                    FileKind.Pdf => Use(".pdf"),
                    FileKind.Rtf => (null, rtf),
                    _ => (null, Fail(DiagnosticCodes.CorruptFile, $"The file is named {ext} but is not a Word document. It is damaged or misnamed.")),
                };
        }

        if (byExtension.TryGetValue(ext, out var named))
        {
            // Text and HTML readers take any bytes; refuse binary formats that would come out as garbage.
            if (kind is FileKind.Unknown or FileKind.Html)
                return (named, null);
            return kind == FileKind.Rtf
                ? (null, rtf)
                : (null, Fail(DiagnosticCodes.CorruptFile, $"The file is named {ext} but is {FileSniffer.Describe(kind)}, not text. It is misnamed."));
        }

        return kind switch
        {
            FileKind.Pdf => Use(".pdf"),
            FileKind.Zip => Use(".docx"),
            FileKind.Html => Use(".html"),
            FileKind.Ole => (null, legacy),
            FileKind.Rtf => (null, rtf),
            _ => (null, Fail(DiagnosticCodes.UnsupportedFormat,
                $"The extension '{ext}' is not supported; supported: {string.Join(" ", Extensions)}.")),
        };
    }

    private ReadResult TooLarge(string fileName, long? length)
    {
        var size = length is { } l ? $"{l / 1048576.0:0.#} MB" : "larger than the limit";
        return ReadResult.Failed(DiagnosticCodes.FileTooLarge,
            $"The file is {size}; the limit is {MaxBytes / 1048576.0:0.#} MB. It was not read. A regulation is rarely above a few MB: check the file, or raise the limit.",
            fileName);
    }

    /// <summary>Reads the stream into memory, or returns null as soon as it passes <see cref="MaxBytes"/>.</summary>
    private byte[]? ReadBounded(Stream stream)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > MaxBytes) return null;
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }
}
