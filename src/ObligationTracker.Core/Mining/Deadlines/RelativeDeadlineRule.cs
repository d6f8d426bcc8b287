using System.Text.RegularExpressions;

namespace ObligationTracker.Core.Mining.Deadlines;

/// <summary>Time counted from the regulation's entry into force or issue (自本办法施行之日起六个月内), or its transition period (过渡期内).</summary>
public sealed partial class RelativeDeadlineRule : DeadlineRule
{
    public override int Rank => 0;

    public override (int Index, Deadline Deadline)? Find(DeadlineInput input)
    {
        var m = FromSelfRegex().Match(input.Text);
        if (m.Success && Period(m.Groups["n"].Value, m.Groups["unit"].Value) is { } p)
        {
            var anchor = m.Groups["verb"].Value is "施行" or "实施" or "生效" ? DeadlineAnchor.EffectiveDate : DeadlineAnchor.IssueDate;
            return (m.Index, Deadline.Relative(anchor, p.Offset, p.WorkingDays));
        }

        var use = input.Transition is null ? null : TransitionUseRegex().Match(input.Text);
        return use is { Success: true } ? (use.Index, input.Transition!) : null;
    }

    /// <summary>The transition period an article defines (过渡期为本办法施行之日起六个月 / 自本办法施行之日起的6个月为过渡期).</summary>
    public static Deadline? TransitionDefinedIn(string articleText)
    {
        var text = DeadlineInput.Compact(articleText);
        var m = TransitionDefinitionRegex().Match(text);
        if (!m.Success || Period(m.Groups["n"].Value, m.Groups["unit"].Value) is not { } p) return null;
        var anchor = m.Groups["verb"].Value is "施行" or "实施" or "生效" ? DeadlineAnchor.EffectiveDate : DeadlineAnchor.IssueDate;
        return Deadline.Relative(anchor, p.Offset, p.WorkingDays);
    }

    private const string Self = "(?:本|该)(?:办法|规定|指引|规程|细则|通知|意见|准则|制度|规则)";

    [GeneratedRegex("(?:自|在|于|从)?" + Self + "(?<verb>施行|实施|生效|发布|印发|公布)(?:之日|后)起?(?:的)?(?<n>" + Num + ")" + Unit + "(?:内|以内)")]
    private static partial Regex FromSelfRegex();

    [GeneratedRegex("过渡期(?:为|是)?(?:自)?" + Self + "(?<verb>施行|实施|生效|发布|印发|公布)之日起(?:的)?(?<n>" + Num + ")" + Unit + "|自?" + Self + "(?<verb>施行|实施|生效|发布|印发|公布)之日起(?:的)?(?<n>" + Num + ")" + Unit + "(?:内)?为过渡期")]
    private static partial Regex TransitionDefinitionRegex();

    [GeneratedRegex("过渡期内|过渡期结束前|过渡期满前|过渡期届满前")]
    private static partial Regex TransitionUseRegex();
}
