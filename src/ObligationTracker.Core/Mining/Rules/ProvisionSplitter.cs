using System.Text.RegularExpressions;
using ObligationTracker.Core.Structure;

namespace ObligationTracker.Core.Mining.Rules;

/// <summary>
/// Cuts an article into units (ANNOTATING.md rule 1): sentences at 。！？, clauses at ；, a lead-in ending in ： before
/// items, and each item （一）/ 1. / ① — whether items stand on their own lines or run on inside one paragraph.
/// </summary>
/// <remarks>
/// Stops inside “…”, 《…》 and （…） are not cuts. Inline items are recognised only after ：；。 and only in sequence
/// （一）（二）…, so that a parenthesised number inside a sentence is not taken for an item.
/// </remarks>
public static partial class ProvisionSplitter
{
    public static IReadOnlyList<Provision> Split(Article article)
    {
        var units = new List<Provision>();
        for (var p = 0; p < article.Paragraphs.Count; p++)
            SplitParagraph(article.Number, article.Paragraphs[p].Text, article.Paragraphs[p].Start, p, units);
        return units;
    }

    /// <summary>Splits one paragraph's text; <paramref name="start"/> is its offset in the regulation text.</summary>
    public static void SplitParagraph(int article, string text, int start, int paragraph, List<Provision> units)
    {
        foreach (var (marker, segStart, segEnd) in Segments(text))
        {
            var sentences = Sentences(text, segStart, segEnd);
            for (var i = 0; i < sentences.Count; i++)
            {
                var (s, e) = sentences[i];
                var (ts, te) = Trim(text, s, e);
                if (te <= ts) continue;
                var unitText = text[ts..te];
                var isLeadIn = unitText.EndsWith('：') || unitText.EndsWith(':');
                units.Add(new Provision(article, unitText, start + ts, marker, isLeadIn, paragraph));
            }
        }
    }

    private static List<(string? Marker, int Start, int End)> Segments(string text)
    {
        var cuts = new List<(int MarkerStart, int TextStart, string Marker)>();
        var expected = 1;
        var i = 0;
        while (i < text.Length)
        {
            var lineStart = i == 0 || text[i - 1] == '\n';
            var afterStop = i > 0 && PrevNonSpace(text, i) is '：' or '；' or '。' or ':' or ';';
            if (lineStart || afterStop)
            {
                var j = i;
                while (j < text.Length && text[j] is ' ' or '\t' or '\u3000') j++;
                var m = ItemMarkerRegex().Match(text, j);
                if (m.Success && m.Index == j)
                {
                    var number = MarkerNumber(m.Value);
                    var inlineOk = m.Value[0] is '（' or '(' && number == expected;
                    if (m.Value.EndsWith('、') && !char.IsAsciiDigit(m.Value[0])) inlineOk = false; // 一、 points stand at a line start
                    if (number is not null && (lineStart || inlineOk))
                    {
                        cuts.Add((j, m.Index + m.Length, m.Value));
                        expected = number.Value + 1;
                        i = m.Index + m.Length;
                        continue;
                    }
                }
            }

            i++;
        }

        var segments = new List<(string?, int, int)>();
        var first = cuts.Count == 0 ? text.Length : cuts[0].MarkerStart;
        segments.Add((null, 0, first));
        for (var c = 0; c < cuts.Count; c++)
            segments.Add((cuts[c].Marker, cuts[c].TextStart, c + 1 < cuts.Count ? cuts[c + 1].MarkerStart : text.Length));
        return segments;
    }

    private static List<(int, int)> Sentences(string text, int start, int end)
    {
        var result = new List<(int, int)>();
        var depth = 0;
        var s = start;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '“' or '《' or '（' or '(' or '「' or '‘':
                    depth++;
                    break;
                case '”' or '》' or '）' or ')' or '」' or '’':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '\n':
                    depth = 0;
                    result.Add((s, i));
                    s = i + 1;
                    break;
                case '。' or '！' or '？' or '；' or ';' or '!' or '?':
                    if (depth > 0) break;
                    var e = i + 1;
                    while (e < end && text[e] is '”' or '’' or '）') e++; // a stop inside closing quotes stays with its sentence
                    result.Add((s, e));
                    s = e;
                    i = e - 1;
                    break;
            }
        }

        if (s < end) result.Add((s, end));
        return result;
    }

    private static (int, int) Trim(string text, int s, int e)
    {
        while (s < e && char.IsWhiteSpace(text[s])) s++;
        while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
        return (s, e);
    }

    private static char PrevNonSpace(string text, int i)
    {
        for (var k = i - 1; k >= 0; k--)
            if (text[k] is not (' ' or '\t' or '\u3000')) return text[k];
        return '\0';
    }

    private static int? MarkerNumber(string marker)
    {
        if (marker[0] is >= '①' and <= '⑳') return marker[0] - '①' + 1;
        var inner = marker.Trim('（', '）', '(', ')', '.', '．', '、', ' ');
        return ChineseNumber.Parse(inner);
    }

    [GeneratedRegex(@"[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|\([一二三四五六七八九十]{1,3}\)|（\d{1,2}）|\(\d{1,2}\)|\d{1,2}[\.．、](?!\d)|[①-⑳]")]
    private static partial Regex ItemMarkerRegex();
}
