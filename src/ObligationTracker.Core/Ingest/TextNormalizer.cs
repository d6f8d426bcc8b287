using System.Text;

namespace ObligationTracker.Core.Ingest;

/// <summary>
/// Turns raw extracted text into the one form every later stage works on: one paragraph per line, lines joined by "\n",
/// each line trimmed, no empty lines; compatibility code points folded with NFKC except full-width CJK punctuation;
/// white space between CJK characters removed, a single space kept between Latin words.
/// </summary>
/// <remarks>
/// Real PDFs put Kangxi radicals (⾦ U+2FA6) where the ideograph (金 U+91D1) is meant, and full-width digits where ASCII ones are;
/// NFKC fixes both; CJK Radicals Supplement characters (⺠ for 民), which NFKC leaves alone, are mapped by <see cref="CjkRadicalFolding"/>.
/// Plain NFKC would also turn （一） into (一) and ①/㈠ into 1/(一), which changes how Chinese legal text reads
/// and how items are numbered, so those characters are kept as written.
/// </remarks>
public static class TextNormalizer
{
    /// <summary>Normalises a whole text; every line break in <paramref name="raw"/> ends a paragraph.</summary>
    /// <param name="raw">The decoded text.</param>
    /// <param name="markdown">Strip leading <c>#</c> heading markers.</param>
    public static string Normalize(string raw, bool markdown = false)
    {
        var sb = new StringBuilder(raw.Length);
        AppendText(sb, raw, markdown);
        return sb.ToString();
    }

    /// <summary>Normalises paragraphs that the reader has already separated (each may still hold line breaks).</summary>
    public static string NormalizeParagraphs(IEnumerable<string> paragraphs)
    {
        var sb = new StringBuilder();
        foreach (var paragraph in paragraphs) AppendText(sb, paragraph, markdown: false);
        return sb.ToString();
    }

    /// <summary>Normalises one line: folds, removes CJK-internal spaces, collapses the rest, trims. May return "".</summary>
    public static string NormalizeLine(string line)
    {
        var sb = new StringBuilder(line.Length);
        AppendLine(sb, FoldCompatibility(line));
        return sb.ToString();
    }

    private static void AppendText(StringBuilder sb, string text, bool markdown)
    {
        // Word's manual line break (vertical tab) ends a line too; EnumerateLines handles CR, LF, CRLF, FF, NEL, LS, PS.
        var source = text.Contains('\v') ? text.Replace('\v', '\n') : text;
        foreach (var raw in source.AsSpan().EnumerateLines())
        {
            // The heading marker goes before spaces are judged: "# 标题" would otherwise become "#标题".
            var line = markdown ? StripHeadingMarker(raw.Trim()) : raw;
            AppendLine(sb, line.ContainsAnyExcept(NfkcStable) ? FoldCompatibility(line.ToString()) : line);
        }
    }

    /// <summary>Appends one folded line, preceded by "\n" when it is not the first and not empty.</summary>
    private static void AppendLine(StringBuilder sb, ReadOnlySpan<char> line)
    {
        var lineStart = -1; // where this line's text starts in sb, once something visible was written
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (IsSpace(c))
            {
                while (i < line.Length && (IsSpace(line[i]) || IsInvisible(line[i]))) i++;
                // Keep one space only between two non-CJK characters (Latin words, numbers); drop it at the ends.
                if (lineStart >= 0 && i < line.Length && !IsCjkBefore(sb) && !IsCjkAt(line, i)) sb.Append(' ');
                continue;
            }
            if (!IsInvisible(c))
            {
                if (lineStart < 0)
                {
                    if (sb.Length > 0) sb.Append('\n');
                    lineStart = sb.Length;
                }
                sb.Append(c);
            }
            i++;
        }
    }

    /// <summary>NFKC, except for the characters <see cref="IsKeptAsWritten"/> names; CJK radicals to their ideographs.</summary>
    public static string FoldCompatibility(string text) => FoldRadicals(FoldNfkc(text));

    private static string FoldRadicals(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\u2E80', '\u2EFF') && !text.Contains('戶')) return text;
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++) span[i] = CjkRadicalFolding.Fold(source[i]);
        });
    }

    private static string FoldNfkc(string text)
    {
        if (!text.AsSpan().ContainsAnyExcept(NfkcStable)) return text;

        StringBuilder? sb = null;
        var runStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !IsKeptAsWritten(text[i])) continue;
            // text[runStart..i] is a run to fold; text[i] (if any) is kept as written.
            if (i > runStart)
            {
                var run = text.AsSpan(runStart, i - runStart);
                if (run.IsNormalized(NormalizationForm.FormKC))
                    sb?.Append(run);
                else
                {
                    sb ??= new StringBuilder(text.Length).Append(text, 0, runStart);
                    sb.Append(run.ToString().Normalize(NormalizationForm.FormKC));
                }
            }
            if (i < text.Length) sb?.Append(text[i]);
            runStart = i + 1;
        }
        return sb?.ToString() ?? text;
    }

    /// <summary>Characters NFKC never changes that make up nearly all of a Chinese regulation: a line of only these
    /// skips the (slow) normalisation call.</summary>
    private static readonly System.Buffers.SearchValues<char> NfkcStable = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0x20, 0x5F).Select(c => (char)c))                  // printable ASCII
        + string.Concat(Enumerable.Range(0x3001, 0x35).Select(c => (char)c))               // 、。〈〉《》「」〔〕【】… (U+3001–U+3035)
        + string.Concat(Enumerable.Range(0x4E00, 0x9FFF - 0x4E00 + 1).Select(c => (char)c).Where(c => c != '戶')) // unified ideographs (戶 is folded)
        + string.Concat(Enumerable.Range(0x3400, 0x4DBF - 0x3400 + 1).Select(c => (char)c)) // extension A
        + "！（），：；？…—–‘’“”·×÷±≤≥∶\t");

    /// <summary>Characters NFKC would change but Chinese legal text needs as written.</summary>
    public static bool IsKeptAsWritten(char c) => c switch
    {
        '！' or '（' or '）' or '，' or '：' or '；' or '？' => true, // full-width punctuation (。、〔〕【】《》“” are not compatibility characters)
        '…' => true,                                               // NFKC would make "..."
        >= '\u2460' and <= '\u24FF' => true,                       // ① ⑴ ⒈ ⓐ: item numbers
        >= '\u2776' and <= '\u2793' => true,                       // ❶ ➀
        >= '\u3200' and <= '\u32FF' => true,                       // ㈠ ㊀
        _ => false,
    };

    /// <summary>True for CJK ideographs, radicals, kana, CJK and full-width punctuation.</summary>
    public static bool IsCjk(int codePoint) => codePoint switch
    {
        >= 0x2E80 and <= 0x2FDF => true,   // radicals, Kangxi radicals
        >= 0x3000 and <= 0x33FF => true,   // CJK symbols and punctuation, kana, bopomofo, enclosed, compatibility
        >= 0x3400 and <= 0x4DBF => true,   // extension A
        >= 0x4E00 and <= 0x9FFF => true,   // unified ideographs
        >= 0xF900 and <= 0xFAFF => true,   // compatibility ideographs
        >= 0xFE30 and <= 0xFE4F => true,   // compatibility forms
        >= 0xFF00 and <= 0xFF60 => true,   // full-width forms
        >= 0xFFE0 and <= 0xFFE6 => true,   // full-width signs
        >= 0x20000 and <= 0x3FFFF => true, // extensions B and later
        _ => false,
    };

    private static bool IsCjkBefore(StringBuilder sb)
    {
        var last = sb[^1];
        if (char.IsLowSurrogate(last) && sb.Length >= 2 && char.IsHighSurrogate(sb[^2]))
            return IsCjk(char.ConvertToUtf32(sb[^2], last));
        return IsCjk(last);
    }

    private static bool IsCjkAt(ReadOnlySpan<char> s, int i) =>
        Rune.DecodeFromUtf16(s[i..], out var rune, out _) == System.Buffers.OperationStatus.Done ? IsCjk(rune.Value) : IsCjk(s[i]);

    private static bool IsSpace(char c) =>
        c <= ' ' || c >= '\u007F' && c <= '\u3000' && (char.IsWhiteSpace(c) || char.IsControl(c));

    /// <summary>Zero-width characters, soft hyphens, direction marks and the BOM (Unicode format characters):
    /// dropped wherever they stand.</summary>
    private static bool IsInvisible(char c) =>
        c is '\u00AD' or (>= '\u200B' and <= '\u200F') or (>= '\u202A' and <= '\u202E') or (>= '\u2060' and <= '\u206F')
            or '\uFEFF' or (>= '\uFFF9' and <= '\uFFFB') or (>= '\u0600' and <= '\u0605') or '\u061C' or '\u180E';

    private static ReadOnlySpan<char> StripHeadingMarker(ReadOnlySpan<char> line)
    {
        var n = 0;
        while (n < line.Length && line[n] == '#') n++;
        if (n == 0 || n > 6) return line;
        if (n == line.Length) return [];
        return line[n] is ' ' or '\t' ? line[(n + 1)..] : line;
    }
}
