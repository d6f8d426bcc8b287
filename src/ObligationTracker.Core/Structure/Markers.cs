namespace ObligationTracker.Core.Structure;

/// <summary>Recognises the structural markers that open a line: 第X条/章/节/部分, 一、, （一）, 1., （1）, ①, 附件.</summary>
/// <remarks>Hand-written scanners rather than regular expressions: every line of every document passes through them.</remarks>
internal static class Markers
{
    /// <summary>Item ranks, outermost first: （一） then 1. then （1） then ①.</summary>
    public const int RankParenChinese = 1, RankArabic = 2, RankParenArabic = 3, RankCircled = 4;

    /// <summary>第X条 (or 章, 节) at the start of <paramref name="line"/>; <paramref name="length"/> covers the heading.</summary>
    public static bool TryOrdinal(ReadOnlySpan<char> line, string kind, out int number, out int length)
    {
        number = 0;
        length = 0;
        if (line.Length < 2 + kind.Length || line[0] != '第') return false;
        var i = 1;
        while (i < line.Length && line[i] == ' ') i++;
        var numStart = i;
        while (i < line.Length && i - numStart < 8 && ChineseNumber.IsNumeralChar(line[i])) i++;
        var numEnd = i;
        if (numEnd == numStart) return false;
        while (i < line.Length && line[i] == ' ') i++;
        if (!line[i..].StartsWith(kind, StringComparison.Ordinal)) return false;
        if (!ChineseNumber.TryParse(line[numStart..numEnd], out number) || number <= 0) return false;
        length = i + kind.Length;
        return true;
    }

    /// <summary>A chapter, section or part heading: a short line 第X章 …, not a sentence.</summary>
    public static bool TryDivision(ReadOnlySpan<char> line, string kind, out int number)
    {
        number = 0;
        return line.Length <= 40 && !EndsSentence(line) && TryOrdinal(line, kind, out number, out _);
    }

    /// <summary>一、 at the start of <paramref name="line"/> (the points of notices and opinions).</summary>
    public static bool TryPoint(ReadOnlySpan<char> line, out int number, out int length)
    {
        number = 0;
        length = 0;
        var i = 0;
        while (i < line.Length && i < 5 && line[i] is '一' or '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '十' or '百' or '零') i++;
        if (i == 0 || i >= line.Length || line[i] != '、') return false;
        if (!ChineseNumber.TryParse(line[..i], out number) || number <= 0) return false;
        length = i + 1;
        return true;
    }

    /// <summary>An item marker at the start of <paramref name="line"/>: （一） (一) 1. 1、 （1） ①.</summary>
    public static bool TryItem(ReadOnlySpan<char> line, out int rank, out int number, out int length)
    {
        rank = number = length = 0;
        if (line.IsEmpty) return false;
        var c = line[0];
        if (c is >= '①' and <= '⑳')
        {
            (rank, number, length) = (RankCircled, c - '①' + 1, 1);
            return true;
        }

        if (c is '（' or '(')
        {
            var close = line[1..].IndexOfAny('）', ')') + 1;
            if (close < 2 || close > 5) return false;
            var inner = line[1..close];
            if (!ChineseNumber.TryParse(inner, out number) || number <= 0) return false;
            rank = inner[0] is >= '0' and <= '9' or >= '０' and <= '９' ? RankParenArabic : RankParenChinese;
            length = close + 1;
            return true;
        }

        var i = 0;
        while (i < line.Length && i < 3 && line[i] is >= '0' and <= '9') i++;
        if (i is 0 or 3 || i >= line.Length || line[i] is not ('.' or '．' or '、')) return false;
        if (i + 1 < line.Length && line[i + 1] is >= '0' and <= '9') return false; // 1.5 倍 is not an item
        (rank, number, length) = (RankArabic, int.Parse(line[..i], System.Globalization.CultureInfo.InvariantCulture), i + 1);
        return number > 0;
    }

    /// <summary>An attachment heading: 附件, 附件1, 附件：名称, 附件2 名称, 附：, 附表.</summary>
    public static bool IsAttachmentHeading(ReadOnlySpan<char> line)
    {
        if (line.Length > 60 || line[^1] is '。' or '；') return false;
        if (line.StartsWith("附：") || line.StartsWith("附:")) return true;
        if (!line.StartsWith("附件") && !line.StartsWith("附表")) return false;
        var rest = line[2..].TrimStart();
        var i = AttachmentNumeralLength(rest);
        rest = rest[i..].TrimStart();
        return rest.IsEmpty || rest[0] is '：' or ':' || (i > 0 && rest[0] is not ('所' or '中' or '的' or '规'));
    }

    /// <summary>The number an attachment heading gives its attachment (附件2, 附件二, 附表１ → 2, 2, 1), or null where it gives
    /// none (附件, 附件：名称, 附：).</summary>
    public static int? AttachmentNumber(ReadOnlySpan<char> line)
    {
        if (!IsAttachmentHeading(line) || line.StartsWith("附：") || line.StartsWith("附:")) return null;
        var rest = line[2..].TrimStart();
        var i = AttachmentNumeralLength(rest);
        return i == 0 ? null : ChineseNumber.Parse(rest[..i]) is > 0 and var n ? n : null;
    }

    /// <summary>Length of the numeral (at most three characters) an attachment heading's text after 附件 starts with.</summary>
    private static int AttachmentNumeralLength(ReadOnlySpan<char> rest)
    {
        var i = 0;
        while (i < rest.Length && i < 3 && (char.IsAsciiDigit(rest[i]) || rest[i] is >= '０' and <= '９' || "一二三四五六七八九十".Contains(rest[i]))) i++;
        return i;
    }

    public static bool EndsSentence(ReadOnlySpan<char> line) => line.Length > 0 && line[^1] is '。' or '；' or ';' or '，' or '：' or ':';
}
