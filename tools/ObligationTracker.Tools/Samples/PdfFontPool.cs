using UglyToad.PdfPig.Writer;

namespace ObligationTracker.Tools.Samples;

/// <summary>Several embeddings of one TrueType font, each holding at most 250 distinct characters.</summary>
/// <remarks>
/// PdfPig writes TrueType fonts as simple fonts, whose single-byte encoding holds 255 characters
/// (UglyToad/PdfPig#642); a Chinese document needs a few hundred, so each further batch gets its own subset.
/// </remarks>
internal sealed class PdfFontPool(PdfDocumentBuilder builder, byte[] fontBytes)
{
    private const int CharactersPerFont = 250;
    private readonly List<(PdfDocumentBuilder.AddedFont Font, HashSet<char> Chars)> _fonts = [];
    private readonly Dictionary<char, PdfDocumentBuilder.AddedFont> _byChar = [];

    public PdfDocumentBuilder.AddedFont For(char c)
    {
        if (_byChar.TryGetValue(c, out var known)) return known;
        if (_fonts.Count == 0 || _fonts[^1].Chars.Count >= CharactersPerFont)
            _fonts.Add((builder.AddTrueTypeFont(fontBytes), []));
        var (font, chars) = _fonts[^1];
        chars.Add(c);
        _byChar[c] = font;
        return font;
    }
}
