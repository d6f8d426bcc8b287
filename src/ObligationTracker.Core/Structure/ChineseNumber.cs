namespace ObligationTracker.Core.Structure;

/// <summary>Converts numerals as Chinese legal texts write them into integers: 一百九十九, 二百零五, 十五, 两, 廿三, 二〇二四, 12, １２.</summary>
/// <remarks>
/// Two notations are accepted: the unit notation of article and item numbers (十/百/千/万, with 廿 = 20, 卅 = 30, 两 = 2,
/// 零 as a place holder) and the digit-by-digit notation of years (二〇二四, 一九九七). Arabic digits, ASCII or full-width,
/// may stand alone. Anything else is rejected rather than guessed.
/// </remarks>
public static class ChineseNumber
{
    /// <summary>True for any character that may be part of a numeral this type reads.</summary>
    public static bool IsNumeralChar(char c) => DigitValue(c) >= 0 || UnitValue(c) > 0 || c is '廿' or '卅' or '卌';

    /// <summary>The value of <paramref name="text"/>, or null when it is not a numeral (or exceeds <see cref="int.MaxValue"/>).</summary>
    public static int? Parse(ReadOnlySpan<char> text) => TryParse(text, out var value) ? value : null;

    public static bool TryParse(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        text = text.Trim();
        if (text.IsEmpty) return false;

        var allDigits = true;
        foreach (var c in text)
            if (DigitValue(c) < 0) { allDigits = false; break; }

        if (allDigits)
        {
            // 二〇二四, 2024, 十 is not a digit: positional notation.
            if (text.Length > 9) return false;
            foreach (var c in text) value = value * 10 + DigitValue(c);
            return true;
        }

        long total = 0, section = 0;
        var digit = -1;
        foreach (var c in text)
        {
            var d = DigitValue(c);
            if (d >= 0)
            {
                if (IsArabic(c) && digit > 0) digit = digit * 10 + d; // 1万2 is not written, but 12万 is.
                else digit = d;
                continue;
            }

            switch (c)
            {
                case '廿' or '卅' or '卌':
                    if (digit >= 0) return false;
                    section += c switch { '廿' => 20, '卅' => 30, _ => 40 };
                    continue;
                case '万':
                    section += Math.Max(digit, 0);
                    if (section == 0) return false;
                    total += section * 10_000;
                    section = 0;
                    digit = -1;
                    continue;
            }

            var unit = UnitValue(c);
            if (unit == 0) return false;
            // 十五 = 15: a unit without a digit before it counts once.
            section += (digit < 0 ? 1 : digit) * unit;
            digit = -1;
        }

        total += section + Math.Max(digit, 0);
        if (total > int.MaxValue) return false;
        value = (int)total;
        return true;
    }

    private static bool IsArabic(char c) => c is >= '0' and <= '9' or >= '０' and <= '９';

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '０' and <= '９' => c - '０',
        '〇' or '零' or '○' or 'Ｏ' => 0,
        '一' or '壹' => 1,
        '二' or '两' or '贰' => 2,
        '三' or '叁' => 3,
        '四' or '肆' => 4,
        '五' or '伍' => 5,
        '六' or '陆' => 6,
        '七' or '柒' => 7,
        '八' or '捌' => 8,
        '九' or '玖' => 9,
        _ => -1,
    };

    private static int UnitValue(char c) => c switch
    {
        '十' or '拾' => 10,
        '百' or '佰' => 100,
        '千' or '仟' => 1000,
        _ => 0,
    };
}
