namespace ObligationTracker.Core.Mining.Deadlines;

/// <summary>What the deadline rules look at: a unit with white space removed, and what its article says about a transition period.</summary>
/// <param name="Text">The unit with white space removed (每年 4 月 30 日前 → 每年4月30日前).</param>
/// <param name="MarkerEnd">Index in <paramref name="Text"/> just after the governing marker; 0 when unknown.</param>
/// <param name="Transition">The transition period the article defines (过渡期为本办法施行之日起六个月), or null.</param>
/// <param name="SubjectEnd">Index in <paramref name="Text"/> just after the first party named before the marker; 0 when none.</param>
public sealed record DeadlineInput(string Text, int MarkerEnd = 0, Deadline? Transition = null, int SubjectEnd = 0)
{
    public static string Compact(string text)
    {
        if (!text.Any(char.IsWhiteSpace)) return text;
        return string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
    }
}

/// <summary>One phenomenon of time limits; the parser asks its rules in order and takes the first answer.</summary>
public abstract class DeadlineRule
{
    /// <summary>Number words and digits as regulations write them.</summary>
    protected const string Num = "[0-9０-９零〇一二两三四五六七八九十百]+";

    /// <summary>Units of a span: 工作日, 自然日, 日, 天, 个月, 月, 年, 小时, 分钟.</summary>
    protected const string Unit = "(?<unit>个工作日|工作日|个自然日|自然日|日|天|个月|月|年|个小时|小时|分钟)";

    /// <summary>Rules of the same rank compete by position (the first limit of a sentence counts); a lower rank is asked first.</summary>
    public virtual int Rank => 0;

    public Deadline? Match(DeadlineInput input) => Find(input)?.Deadline;

    /// <summary>The deadline and where in <see cref="DeadlineInput.Text"/> it is stated, or null.</summary>
    public abstract (int Index, Deadline Deadline)? Find(DeadlineInput input);

    /// <summary>ISO 8601 period for a number and unit (十五, 个工作日 → P15D, working days).</summary>
    protected static (string Offset, bool WorkingDays)? Period(string number, string unit)
    {
        if (Structure.ChineseNumber.Parse(number) is not { } n) return null;
        return unit switch
        {
            "个工作日" or "工作日" => ($"P{n}D", true),
            "个自然日" or "自然日" or "日" or "天" => ($"P{n}D", false),
            "个月" or "月" => ($"P{n}M", false),
            "年" => ($"P{n}Y", false),
            "个小时" or "小时" => ($"PT{n}H", false),
            "分钟" => ($"PT{n}M", false),
            _ => null,
        };
    }
}
