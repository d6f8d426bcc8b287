namespace ObligationTracker.Core.Mining.Rules;

/// <summary>
/// Finds the deontic markers of a unit and its modality: that of the first marker that governs the predicate
/// (ANNOTATING.md rule 5), skipping markers inside conditions (…的，), quotations and titles, attributive uses
/// (其他应当…的情形) and words that merely contain a marker (应用, 相应, 供应, 许可, 可能, 不可抗力 …).
/// </summary>
public static partial class ModalityClassifier
{
    // Longest first where one marker starts another (不应当 before 不应, 可以 before 可).
    private static readonly (string Word, Modality Modality)[] Words =
    [
        ("不应当", Modality.Prohibition), ("不应该", Modality.Prohibition), ("不可以", Modality.Prohibition), ("不需要", Modality.Permission),
        ("有义务", Modality.Obligation), ("无需", Modality.Permission), ("无须", Modality.Permission), ("不必", Modality.Permission),
        ("不得", Modality.Prohibition), ("禁止", Modality.Prohibition), ("严禁", Modality.Prohibition), ("不应", Modality.Prohibition),
        ("不准", Modality.Prohibition), ("不能", Modality.Prohibition), ("不可", Modality.Prohibition),
        ("应当", Modality.Obligation), ("应该", Modality.Obligation), ("必须", Modality.Obligation), ("只能", Modality.Obligation),
        ("仅能", Modality.Obligation), ("需要", Modality.Obligation), ("可以", Modality.Permission), ("有权", Modality.Permission),
        ("应", Modality.Obligation), ("须", Modality.Obligation), ("需", Modality.Obligation), ("可", Modality.Permission), ("要", Modality.Obligation),
    ];

    /// <summary>The modality of a unit, or None when no marker is used deontically.</summary>
    public static Modality Classify(string unit) => MainMarker(unit)?.Modality ?? Modality.None;

    /// <summary>The first governing marker, or null.</summary>
    public static DeonticMarker? MainMarker(string unit) => MainMarker(unit, Markers(unit));

    /// <summary>The first governing marker among markers already found.</summary>
    public static DeonticMarker? MainMarker(string unit, IReadOnlyList<DeonticMarker> markers)
    {
        foreach (var m in markers)
            if (!InCondition(unit, m.Index)) return m;
        return null;
    }

    private static readonly System.Buffers.SearchValues<char> FirstChars = System.Buffers.SearchValues.Create("不有无禁严应必只仅需可须要");

    /// <summary>Every marker used deontically, in order (conditions included; see <see cref="InCondition"/>).</summary>
    public static IReadOnlyList<DeonticMarker> Markers(string unit)
    {
        var masked = MaskQuotations(unit);
        var result = new List<DeonticMarker>();
        for (var i = 0; i < masked.Length; i++)
        {
            var next = masked.AsSpan(i).IndexOfAny(FirstChars);
            if (next < 0) break;
            i += next;
            foreach (var (word, modality) in Words)
            {
                if (string.CompareOrdinal(masked, i, word, 0, word.Length) != 0) continue;
                if (IsDeontic(masked, i, word))
                {
                    result.Add(new DeonticMarker(i, word.Length, modality, word));
                    i += word.Length - 1;
                }
                else
                {
                    i += word.Length - 1; // the word is part of another word: skip it whole
                }

                break;
            }
        }

        return result;
    }

    /// <summary>
    /// True when the marker stands in a condition clause: a clause (between ，；：) that ends in 的 or 时 and is followed by
    /// another clause, or that opens with 如/若/如果/凡/对于.
    /// </summary>
    public static bool InCondition(string unit, int index)
    {
        var clauseStart = unit.LastIndexOfAny(ClauseStops, Math.Max(0, index - 1)) + 1;
        var clauseEnd = unit.IndexOfAny(ClauseStops, index);
        if (clauseEnd < 0) return false; // the last clause carries the predicate
        if (unit[clauseEnd] is '。' or '；' or '：') return false;
        var clause = unit[clauseStart..clauseEnd].TrimEnd();
        return clause.EndsWith('的');
    }

    private static readonly char[] ClauseStops = ['，', '；', '：', '。', ','];

    private static bool IsDeontic(string s, int i, string word)
    {
        char Before(int k = 1) => i - k >= 0 ? s[i - k] : '\0';
        char After(int k = 0) => i + word.Length + k < s.Length ? s[i + word.Length + k] : '\0';
        string Next(int n) => s.Substring(i + word.Length, Math.Min(n, s.Length - i - word.Length));
        string Prev(int n) => s.Substring(Math.Max(0, i - n), Math.Min(n, i));

        // Attributive use: 其他应当中止的情形, 规定应当告知的事项, 禁止的其他情形.
        if (Prev(2) == "其他" || Prev(2) == "规定" || Before() == '所') return false;
        if (word == "禁止" && (After() is '的' or '期' or '令' or '性' or '或' or '和' or '、')) return false;

        // 可以销售的保险产品, 投诉应当提交的材料, 应该履行的主要职责: a verb of one or two characters then 的 and a noun.
        if (word is "应当" or "应该" or "应" or "可以" or "可" or "须" && AttributiveRegex().IsMatch(s.AsSpan(i + word.Length))) return false;
        if (word is "需要" or "需" && LongAttributiveRegex().IsMatch(s.AsSpan(i + word.Length))) return false;

        switch (word)
        {
            case "应":
                if ("相供适对响反效回顺呼答感报理照".Contains(Before())) return false;
                if ("用急收付届聘征税纳激变试酬允".Contains(After())) return false;
                if (After() == '对' && !"构行司人门所方）会层者".Contains(Before())) return false;
                return After() != '\0';
            case "应当" or "应该":
                return Before() != '相';
            case "须":
                return !(Next(1) == "知" || Before() == '必' || Before() == '无' || Before() == '毋');
            case "需" or "需要":
                if (After() is '求' or '的' or '，' or '。') return false;
                if ("所必急按如若确无特因据作管务实的".Contains(Before())) return false;
                return true;
            case "可":
                if ("许认即宁尚无".Contains(Before())) return false;
                if (AbilityNounRegex().IsMatch(s.AsSpan(i + 1))) return false; // 可处置性, 可执行性
                if (Next(2) is "持续" or "操作" or "识别" or "解释" or "视化" or "替代" or "预见" or "追溯" or "回溯" or "查询" or "确认" or "保存" or "计量" or "比较" or "供出" or "撤销" or "量化" or "公开" or "对外") return false;
                if ("能疑靠控用转抗篡追回恢验审信行视比读得及达供观变计复靠分交核辨".Contains(After())) return false;
                return After() != '\0';
            case "可以":
                return Before() != '许';
            case "不可":
                return !"抗篡恢撤用逆替分避靠缺少或控再".Contains(After());
            case "不能":
                return !(Next(2) is "满足" or "单独" or "充分" or "按时" or "正常" or "及时" or "履行" or "对其");
            case "不必":
                return After() != '要'; // 不必要的: unnecessary
            case "要":
                return IsDirectiveYao(s, i);
            default:
                return true;
        }
    }

    // 要 as a directive (要加强…, 要落实…) — not 要求, 重要, 主要, 需要, 必要, 要素 ….
    private static bool IsDirectiveYao(string s, int i)
    {
        var before = i > 0 ? s[i - 1] : '\0';
        if ("重主需必只概纲摘首简次提紧想扼切险".Contains(before)) return false;
        if (i + 1 >= s.Length) return false;
        var rest = s.AsSpan(i + 1);
        foreach (var verb in DirectiveVerbs)
            if (rest.StartsWith(verb, StringComparison.Ordinal)) return true;
        return false;
    }

    private static readonly string[] DirectiveVerbs =
    [
        "加强", "落实", "建立", "实现", "依照", "按照", "独立", "同母", "坚持", "做好", "确保", "强化", "注重", "严格", "切实", "认真",
        "提高", "完善", "健全", "规范", "防止", "避免", "积极", "充分", "主动", "高度", "进一步", "依法", "及时", "定期", "不断", "持续", "结合",
    ];

    /// <summary>Blanks out quotations and titles of other texts so markers inside them are not seen.</summary>
    internal static string MaskQuotations(string unit)
    {
        if (unit.IndexOfAny(['《', '“']) < 0) return unit;
        var chars = unit.ToCharArray();
        var depth = 0;
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c is '《' or '“') { depth++; continue; }
            if (c is '》' or '”') { depth = Math.Max(0, depth - 1); continue; }
            if (depth > 0) chars[i] = '□';
        }

        return new string(chars);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[^，。；：、的\s]{1,2}的[^，。；：]")]
    private static partial System.Text.RegularExpressions.Regex AttributiveRegex();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[^，。；：的\s]{1,6}的[^，。；：]")]
    private static partial System.Text.RegularExpressions.Regex LongAttributiveRegex();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[^，。；：、\s]{1,3}性")]
    private static partial System.Text.RegularExpressions.Regex AbilityNounRegex();
}
