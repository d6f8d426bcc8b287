using System.Text;

namespace ObligationTracker.Core.Ingest.Docx;

/// <summary>Formats numbers the way Word's list formats render them: 一 … 十 … 十一 … 一百零一 (chineseCounting), 甲乙丙 …</summary>
internal static class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";
    private const string HeavenlyStems = "甲乙丙丁戊己庚辛壬癸";
    private const string EarthlyBranches = "子丑寅卯辰巳午未申酉戌亥";

    /// <summary>1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百零一, 110 → 一百一十, 1001 → 一千零一.</summary>
    public static string Counting(int n)
    {
        if (n <= 0) return n == 0 ? "零" : n.ToString();
        if (n >= 100_000) return n.ToString();
        var sb = new StringBuilder();
        var units = new[] { (10_000, '万'), (1000, '千'), (100, '百'), (10, '十') };
        var remainder = n;
        var pendingZero = false;
        foreach (var (value, unit) in units)
        {
            var digit = remainder / value;
            remainder %= value;
            if (digit == 0)
            {
                if (sb.Length > 0) pendingZero = true;
                continue;
            }
            if (pendingZero) sb.Append('零');
            pendingZero = false;
            // 十一 not 一十一 when 十 leads the number.
            if (!(unit == '十' && digit == 1 && sb.Length == 0)) sb.Append(Digits[digit]);
            sb.Append(unit);
        }
        if (remainder > 0)
        {
            if (pendingZero) sb.Append('零');
            sb.Append(Digits[remainder]);
        }
        return sb.ToString();
    }

    public static string HeavenlyStem(int n) => n is >= 1 and <= 10 ? HeavenlyStems[n - 1].ToString() : n.ToString();

    public static string EarthlyBranch(int n) => n is >= 1 and <= 12 ? EarthlyBranches[n - 1].ToString() : n.ToString();
}
