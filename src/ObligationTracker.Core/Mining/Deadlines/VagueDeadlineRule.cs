using System.Text.RegularExpressions;

namespace ObligationTracker.Core.Mining.Deadlines;

/// <summary>
/// No measurable time: 及时, 立即, 定期, 尽快, 第一时间, 事先, 事前, 预先, bare 提前 — the first in the unit — but not 及时性,
/// 更新及时, 定期或者不定期, 定期存款.
/// </summary>
public sealed partial class VagueDeadlineRule : DeadlineRule
{
    public override int Rank => 3;

    public override (int Index, Deadline Deadline)? Find(DeadlineInput input)
    {
        foreach (Match m in VagueRegex().Matches(input.Text))
        {
            var w = m.Groups["w"];
            if (w.Value == "及时" && w.Index + 2 < input.Text.Length && input.Text[w.Index + 2] == '、' && w.Index > 0 && input.Text[w.Index - 1] is not ('，' or '：'))
                continue; // 准确、完整、及时、…: an adjective in a list
            if (input.MarkerEnd > 0 && w.Index < input.MarkerEnd && (input.SubjectEnd > 0 && w.Index >= input.SubjectEnd || AttributiveRegex().IsMatch(input.Text.AsSpan(w.Index + w.Length))))
                continue; // before the marker, after its subject: it qualifies something else (银监会定期发布…，要求…禁止)
            return (w.Index, Deadline.Vague(w.Value));
        }

        return null;
    }

    [GeneratedRegex("(?<w>及时)(?![性率，。；的])|(?<w>立即|立刻|尽快|第一时间|事先|事前|预先)|(?<![不一规约])(?<w>定期)(?!或者?不定期|存款|开放|报告制度)|(?<w>提前)(?=告知|报告|通知|公告|披露|报送|书面|征得|提示|说明|备案|向|做好|制定|安排)|(?<w>事后)")]
    private static partial Regex VagueRegex();

    [GeneratedRegex("^[^，。；]{0,3}的")]
    private static partial Regex AttributiveRegex();
}
