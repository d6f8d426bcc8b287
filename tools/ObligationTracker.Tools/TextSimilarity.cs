using System.Text;
using DiffMatchPatch;

namespace ObligationTracker.Tools;

/// <summary>Character similarity of two texts after all white space is removed: 1 − Levenshtein / max length,
/// the edit distance taken from a Myers diff (diff-match-patch), which is fast when the texts mostly agree.</summary>
internal static class TextSimilarity
{
    public static string StripWhiteSpace(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            if (!char.IsWhiteSpace(c)) sb.Append(c);
        return sb.ToString();
    }

    /// <param name="a">First text, white space already removed.</param>
    /// <param name="b">Second text, white space already removed.</param>
    /// <param name="timeoutSeconds">Diff time budget; past it the diff is valid but not minimal (similarity underestimated).</param>
    public static (double Similarity, List<Diff> Diffs) Compare(string a, string b, float timeoutSeconds = 20)
    {
        if (a.Length == 0 && b.Length == 0) return (1, []);
        var dmp = new diff_match_patch { Diff_Timeout = timeoutSeconds };
        var diffs = dmp.diff_main(a, b, false);
        var distance = dmp.diff_levenshtein(diffs);
        return (1 - (double)distance / Math.Max(a.Length, b.Length), diffs);
    }

    /// <summary>The differing fragments with a little context, for looking at what a reader got wrong.</summary>
    public static IEnumerable<string> Fragments(List<Diff> diffs, int context = 12)
    {
        for (var i = 0; i < diffs.Count; i++)
        {
            var d = diffs[i];
            if (d.operation == Operation.EQUAL) continue;
            var before = i > 0 && diffs[i - 1].operation == Operation.EQUAL ? Tail(diffs[i - 1].text, context) : "";
            var del = d.operation == Operation.DELETE ? d.text : "";
            var ins = d.operation == Operation.INSERT ? d.text : "";
            if (d.operation == Operation.DELETE && i + 1 < diffs.Count && diffs[i + 1].operation == Operation.INSERT)
                ins = diffs[++i].text;
            var after = i + 1 < diffs.Count && diffs[i + 1].operation == Operation.EQUAL ? Head(diffs[i + 1].text, context) : "";
            yield return $"…{before}[-{Head(del, 80)}-][+{Head(ins, 80)}+]{after}…";
        }
    }

    private static string Head(string s, int n) => s.Length <= n ? s : s[..n] + "…";

    private static string Tail(string s, int n) => s.Length <= n ? s : s[^n..];
}
