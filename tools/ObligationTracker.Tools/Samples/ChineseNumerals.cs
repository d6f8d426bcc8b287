namespace ObligationTracker.Tools.Samples;

/// <summary>Writes 1..999 the way Word's chineseCounting numbering does (十一, 二十, 一百零一), to check sources against it.</summary>
internal static class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";

    public static string Format(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 999);
        var hundreds = n / 100;
        var tens = n / 10 % 10;
        var units = n % 10;
        var s = hundreds > 0 ? Digits[hundreds] + "百" : "";
        if (tens > 0) s += (tens == 1 && hundreds == 0 ? "" : Digits[tens].ToString()) + "十";
        else if (hundreds > 0 && units > 0) s += "零";
        if (units > 0) s += Digits[units];
        return s;
    }
}
