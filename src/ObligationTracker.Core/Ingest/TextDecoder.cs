using System.Text;
using UtfUnknown;

namespace ObligationTracker.Core.Ingest;

/// <summary>Decodes the bytes of a text file: BOM, then strict UTF-8, then a detected encoding, falling back to GB18030.</summary>
/// <remarks>Chinese government sites still serve GBK/GB18030 text; GB18030 is a superset of GB2312 and GBK, so it is the safe choice for all three.</remarks>
internal static class TextDecoder
{
    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    });

    /// <summary>An encoding by its web name (gb2312 and gbk read as GB18030, their superset), or null if unknown.</summary>
    public static Encoding? ByName(string name)
    {
        var lower = name.Trim().ToLowerInvariant();
        if (IsChineseGb(lower) || lower is "gb_2312-80" or "x-gbk" or "euc-cn" or "csgb2312") return Gb18030.Value;
        try
        {
            return Encoding.GetEncoding(lower);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="Text">The decoded text.</param>
    /// <param name="EncodingName">The encoding used (utf-8, gb18030, ...).</param>
    /// <param name="Guessed">True when the encoding was a fallback rather than a confident detection.</param>
    internal sealed record Decoded(string Text, string EncodingName, bool Guessed);

    public static Decoded Decode(ArraySegment<byte> bytes)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span is [0xEF, 0xBB, 0xBF, ..]) return new(Encoding.UTF8.GetString(span[3..]), "utf-8", false);
        if (span is [0xFF, 0xFE, ..]) return new(Encoding.Unicode.GetString(span[2..]), "utf-16le", false);
        if (span is [0xFE, 0xFF, ..]) return new(Encoding.BigEndianUnicode.GetString(span[2..]), "utf-16be", false);

        try
        {
            return new(StrictUtf8.GetString(span), "utf-8", false);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: ask the detector, and fall back to GB18030.
        }

        var gb = Gb18030.Value;
        var detected = CharsetDetector.DetectFromBytes(bytes.Array!, bytes.Offset, bytes.Count).Detected;
        var name = detected?.EncodingName?.ToLowerInvariant();
        if (name is null || IsChineseGb(name))
            return new(gb.GetString(span), "gb18030", Guessed: name is null || detected!.Confidence < 0.5f);
        if (detected!.Encoding is { } other && detected.Confidence >= 0.8f && name is not ("utf-8" or "ascii"))
            return new(other.GetString(span), name, false);
        return new(gb.GetString(span), "gb18030", Guessed: true);
    }

    private static bool IsChineseGb(string name) => name is "gb18030" or "gbk" or "gb2312" or "x-cp20936" or "hz-gb-2312" or "cp936" or "windows-936";
}
