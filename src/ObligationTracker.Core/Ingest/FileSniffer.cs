using System.Text;

namespace ObligationTracker.Core.Ingest;

/// <summary>Recognises formats by their magic bytes, so a misnamed file gets a diagnostic that says what it really is.</summary>
public static class FileSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> looks at.</summary>
    public const int HeaderLength = 1024;

    public static FileKind Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith("PK\u0005\u0006"u8)) return FileKind.Zip;
        if (head.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 })) return FileKind.Ole;
        if (head.StartsWith("{\\rtf"u8)) return FileKind.Rtf;
        // The PDF header may follow a little junk (PDF 1.7, annex H: within the first 1024 bytes).
        if (head.IndexOf("%PDF-"u8) >= 0) return FileKind.Pdf;
        if (LooksLikeHtml(head)) return FileKind.Html;
        return FileKind.Unknown;
    }

    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Pdf => "a PDF",
        FileKind.Zip => "a zip archive",
        FileKind.Ole => "an OLE compound file (legacy Office format)",
        FileKind.Rtf => "an RTF document",
        FileKind.Html => "an HTML page",
        _ => "not a recognised binary format",
    };

    private static bool LooksLikeHtml(ReadOnlySpan<byte> head)
    {
        // Latin-1 keeps every byte one char, so the ASCII markers are found whatever the page's own encoding.
        var text = Encoding.Latin1.GetString(head).TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF', ' ', '\t', '\r', '\n');
        return text.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || text.Contains("<html", StringComparison.OrdinalIgnoreCase) && text.Contains("<head", StringComparison.OrdinalIgnoreCase);
    }
}
