using System.Text;

namespace ObligationTracker.Search.Analysis;

/// <summary>Folds text one character for one character: NFKC where it maps a character to a single one
/// (full-width Latin and digits, ideographic space, Kangxi radicals and compatibility ideographs from PDFs), then lower case.</summary>
/// <remarks>Keeping the length unchanged keeps every offset valid, so highlighting needs no offset correction.</remarks>
internal static class TextNormalizer
{
    private static readonly Lazy<char[]> Table = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static char Fold(char c) => Table.Value[c];

    public static string Fold(string text)
    {
        var table = Table.Value;
        return string.Create(text.Length, (text, table), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = state.table[state.text[i]];
        });
    }

    public static void Fold(Span<char> chars)
    {
        var table = Table.Value;
        for (var i = 0; i < chars.Length; i++) chars[i] = table[chars[i]];
    }

    private static char[] Build()
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            table[i] = c;
            if (char.IsSurrogate(c)) continue;
            string folded;
            try
            {
                folded = c.ToString().Normalize(NormalizationForm.FormKC);
            }
            catch (ArgumentException)
            {
                continue; // unassigned code point
            }
            if (folded.Length == 1) table[i] = folded[0];
            if (table[i] == '\u3000') table[i] = ' ';
            table[i] = char.ToLowerInvariant(table[i]);
        }
        return table;
    }
}
