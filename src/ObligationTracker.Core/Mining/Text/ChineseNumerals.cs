namespace ObligationTracker.Core.Mining.Text;

/// <summary>Parses the numbers regulations write: 十五, 二十, 一百零五, 两, 15, １５.</summary>
/// <remarks>Small internal copy until Structure's ChineseNumber lands on main.</remarks>
internal static class ChineseNumerals
{
    public const string Digits = "零〇一二两三四五六七八九十百千";

    public static bool IsNumeral(char c) => Digits.Contains(c) || char.IsAsciiDigit(c) || c is >= '０' and <= '９';

    public static int? Parse(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.IsEmpty) return null;
        if (AllDigits(text))
        {
            var n = 0;
            foreach (var c in text) n = checked(n * 10 + (c >= '０' ? c - '０' : c - '0'));
            return n;
        }

        int total = 0, current = 0;
        var any = false;
        foreach (var c in text)
        {
            var digit = "〇一二三四五六七八九".IndexOf(c);
            if (c == '两') digit = 2;
            if (c == '零') digit = 0;
            if (digit >= 0)
            {
                current = c is '零' or '〇' ? current : digit;
                any = true;
                continue;
            }

            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (unit == 0) return null;
            total += (current == 0 ? 1 : current) * unit;
            current = 0;
            any = true;
        }

        return any ? total + current : null;
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (!char.IsAsciiDigit(c) && c is not (>= '０' and <= '９')) return false;
        return true;
    }
}
