using System.Text.RegularExpressions;
using ObligationTracker.Core.Structure;

namespace ObligationTracker.Core.Mining.Rules;

/// <summary>Articles of the same regulation a unit refers to (依照本办法第十条, 第三十六条、第五十九条规定) — not articles of other laws (《…法》第四十六条).</summary>
public static partial class CrossReferenceFinder
{
    public static IReadOnlyList<int> Find(string unit)
    {
        var result = new List<int>();
        foreach (Match m in ReferenceRegex().Matches(unit))
        {
            if (m.Index > 0 && unit[m.Index - 1] == '》') continue;
            if (ChineseNumber.Parse(m.Groups["n"].Value) is { } n && n > 0 && !result.Contains(n)) result.Add(n);
        }

        return result;
    }

    [GeneratedRegex("第(?<n>[0-9零〇一二两三四五六七八九十百]+)条")]
    private static partial Regex ReferenceRegex();
}
