using System.Text;

namespace ObligationTracker.Core.Mining.Evaluation;

/// <summary>FORMAT.md's text match: after removing white space and punctuation, one contains the other or they share ≥ 80% of their characters in order.</summary>
public static class TextMatcher
{
    public const double MinimumSharedFraction = 0.8;

    /// <summary>Removes white space, punctuation and symbols.</summary>
    public static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            if (!char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c)) sb.Append(c);
        return sb.ToString();
    }

    /// <summary>
    /// A match strength in (0, 2] or 0 for no match: 2 for equal texts, 1 + shorter/longer for containment,
    /// else the shared fraction (longest common subsequence over the longer text) when it reaches 80%.
    /// </summary>
    public static double Strength(string normalisedA, string normalisedB)
    {
        if (normalisedA.Length == 0 || normalisedB.Length == 0) return 0;
        if (normalisedA == normalisedB) return 2;
        var longer = Math.Max(normalisedA.Length, normalisedB.Length);
        var shorter = Math.Min(normalisedA.Length, normalisedB.Length);
        if (normalisedA.Contains(normalisedB, StringComparison.Ordinal) || normalisedB.Contains(normalisedA, StringComparison.Ordinal))
            return 1 + (double)shorter / longer;
        if (shorter < MinimumSharedFraction * longer) return 0; // the LCS cannot reach 80% of the longer text
        var shared = (double)LongestCommonSubsequence(normalisedA, normalisedB) / longer;
        return shared >= MinimumSharedFraction ? shared : 0;
    }

    internal static int LongestCommonSubsequence(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
