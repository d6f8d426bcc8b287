namespace ObligationTracker.Core.Register;

/// <summary>Similarity of two provisions' texts: the Dice coefficient of their character bigrams, punctuation and spaces ignored.</summary>
/// <remarks>Bigrams suit Chinese, where a word is one to four characters and a revision mostly inserts or deletes phrases.</remarks>
public static class TextSimilarity
{
    public static double Dice(string a, string b)
    {
        var x = Bigrams(a);
        var y = Bigrams(b);
        if (x.Count == 0 && y.Count == 0) return Normalise(a) == Normalise(b) ? 1 : 0;
        if (x.Count == 0 || y.Count == 0) return 0;
        var counts = new Dictionary<int, int>();
        foreach (var g in x) counts[g] = counts.GetValueOrDefault(g) + 1;
        var shared = 0;
        foreach (var g in y)
        {
            if (counts.TryGetValue(g, out var n) && n > 0)
            {
                counts[g] = n - 1;
                shared++;
            }
        }

        return 2.0 * shared / (x.Count + y.Count);
    }

    /// <summary>The text without white space and punctuation, for "same text" comparisons.</summary>
    public static string Normalise(string text) =>
        string.Concat(text.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c)));

    private static List<int> Bigrams(string text)
    {
        var s = Normalise(text);
        var list = new List<int>(Math.Max(0, s.Length - 1));
        for (var i = 0; i + 1 < s.Length; i++) list.Add((s[i] << 16) | s[i + 1]);
        return list;
    }
}
