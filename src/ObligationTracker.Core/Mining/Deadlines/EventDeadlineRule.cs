using System.Text.RegularExpressions;

namespace ObligationTracker.Core.Mining.Deadlines;

/// <summary>
/// Time counted from an event (自收到投诉材料之日起10个工作日内, 在…终止合作后的30日内, 数据安全事件发生2小时内), counted back
/// from it (合同签署前二十个工作日, 提前10个工作日, 届满30日前: <c>before</c>), or on its day (…当日: P0D). A bare
/// 在两个工作日内 right after the marker counts from the event the unit's condition names (发生…时，).
/// </summary>
public sealed partial class EventDeadlineRule : DeadlineRule
{
    public override int Rank => 2;

    public override (int Index, Deadline Deadline)? Find(DeadlineInput input)
    {
        var text = input.Text;
        var earliest = new EarliestDeadline();

        // Anchor on the span (N个工作日内), then read the event back to the start of its clause: cheaper than scanning
        // every position for an event phrase.
        if (text.Contains('内'))
        {
            foreach (Match m in SpanWithinRegex().Matches(text))
            {
                if (Period(m.Groups["n"].Value, m.Groups["unit"].Value) is not { } p) continue;
                var prefix = ClausePrefix(text, m.Index);
                var e = EventBeforeSpanRegex().Match(prefix);
                if (e.Success && EventPhrase(e.Groups["ev"].Value) is { } ev)
                    earliest.Consider(m.Index, Deadline.ForEvent(ev, p.Offset, p.WorkingDays));
            }
        }

        if (text.Contains('前'))
        {
            foreach (Match m in SpanBeforeRegex().Matches(text))
            {
                if (Period(m.Groups["n"].Value, m.Groups["unit"].Value) is not { } p) continue;
                var prefix = ClausePrefix(text, m.Index);
                var ev = EventPhrase(LeadingPrepositionRegex().Replace(prefix, ""));
                if (ev is not null) earliest.Consider(m.Index, Deadline.ForEvent(ev, p.Offset, p.WorkingDays, before: true));
            }
        }

        if (text.Contains("提前", StringComparison.Ordinal))
        foreach (Match m in InAdvanceRegex().Matches(text))
            if (Period(m.Groups["n"].Value, m.Groups["unit"].Value) is { } p)
                earliest.Consider(m.Index, Deadline.ForEvent(ConditionEvent(text, m.Index) ?? AfterPhrase(text, m.Index + m.Length), p.Offset, p.WorkingDays, before: true));

        if (text.Contains("当日", StringComparison.Ordinal))
        foreach (Match m in SameDayRegex().Matches(text))
            if (EventPhrase(m.Groups["ev"].Value) is { } ev)
                earliest.Consider(m.Index, Deadline.ForEvent(ev, "P0D"));

        if (!earliest.Found && input.MarkerEnd > 0 && input.MarkerEnd + 2 <= text.Length
            && (string.CompareOrdinal(text, input.MarkerEnd, "当日", 0, 2) == 0 || string.CompareOrdinal(text, input.MarkerEnd, "当天", 0, 2) == 0)
            && ConditionEvent(text, input.MarkerEnd) is { } sameDay)
            earliest.Consider(input.MarkerEnd, Deadline.ForEvent(sameDay, "P0D")); // 采取前款措施的，应当当日告知

        if (!earliest.Found && input.MarkerEnd > 0)
        {
            // 发生如下重大事件时，应当在两个工作日内报告: the span follows the marker, the event is the condition.
            var m = BareSpanRegex().Match(text, Math.Min(input.MarkerEnd, text.Length));
            if (m.Success && m.Index == input.MarkerEnd && Period(m.Groups["n"].Value, m.Groups["unit"].Value) is { } p
                && ConditionEvent(text, input.MarkerEnd) is { } ev)
                earliest.Consider(m.Index, Deadline.ForEvent(ev, p.Offset, p.WorkingDays));
        }

        return earliest.Best;
    }

    private static string? EventPhrase(string raw)
    {
        var ev = raw.Trim();
        var cut = ev.LastIndexOfAny(['自', '在', '于', '从']);
        if (cut >= 0 && cut < ev.Length - 2) ev = ev[(cut + 1)..];
        foreach (var lead in new[] { "应当", "应", "并", "须" })
            if (ev.StartsWith(lead, StringComparison.Ordinal)) ev = ev[lead.Length..];
        ev = ev.TrimEnd('的');
        return ev.Length is >= 2 and <= 40 ? ev : null;
    }

    /// <summary>The event named by the unit's condition before <paramref name="index"/> (发生…时 / …后 / …的).</summary>
    private static string? ConditionEvent(string text, int index)
    {
        var head = text[..index];
        var m = ConditionRegex().Match(head);
        return m.Success ? EventPhrase(m.Groups["ev"].Value) : null;
    }

    private static string ClausePrefix(string text, int index)
    {
        var start = text.LastIndexOfAny(['，', '。', '；', '：'], Math.Max(0, index - 1)) + 1;
        return start >= index ? "" : text[start..index];
    }

    private static string AfterPhrase(string text, int index)
    {
        var end = text.IndexOfAny(['，', '。', '；'], index);
        var phrase = text[index..(end < 0 ? text.Length : end)];
        return phrase.Length >= 2 ? phrase : "事项";
    }

    [GeneratedRegex("(?<n>" + Num + ")" + Unit + "(?:内|以内)")]
    private static partial Regex SpanWithinRegex();

    // The clause before the span ends with the event: 自收到…之日起 / 在…后的 / 数据安全事件发生.
    [GeneratedRegex("(?:自|在|于|从)(?<ev>[^，。；自在于从]{2,40}?)(?:之日)?(?:起|后)(?:的)?$|(?<ev>[^，。；]{2,30}?(?:发生|结束|完成|届满|到期|终止|开始|签订|签署|生效|设立|成立|变更|批准|作出|公布|公告))(?:之日起|后)?(?:的)?$")]
    private static partial Regex EventBeforeSpanRegex();

    [GeneratedRegex("(?:前|之前)(?:至少)?(?<n>" + Num + ")" + Unit + "|(?:届满|到期)(?:前)?(?<n>" + Num + ")" + Unit + "(?:前|之前)")]
    private static partial Regex SpanBeforeRegex();

    [GeneratedRegex("^.*?(?:应当|应|须)?(?:在|于)")]
    private static partial Regex LeadingPrepositionRegex();

    [GeneratedRegex("提前(?:至少)?(?<n>" + Num + ")" + Unit)]
    private static partial Regex InAdvanceRegex();

    [GeneratedRegex("(?:在|于)(?<ev>[^，。；在于]{2,40}?)当日")]
    private static partial Regex SameDayRegex();

    [GeneratedRegex("\\G(?:在|于)(?<n>" + Num + ")" + Unit + "(?:内|以内)")]
    private static partial Regex BareSpanRegex();

    [GeneratedRegex("(?:^|[，；])(?<ev>[^，。；]*?(?:发生|出现|收到|接到|发现)[^，。；]*?)(?:时|后|的)，[^，。；]*$|(?:^|[，；])(?<ev>[^，。；]{2,40}?)(?:时|后|之日|的)，[^，。；]*$")]
    private static partial Regex ConditionRegex();
}
