using System.Text.RegularExpressions;

namespace ObligationTracker.Core.Mining.Deadlines;

/// <summary>
/// No measurable time: 及时, 立即, 定期, 尽快, 第一时间, 事先, 事前, 预先, bare 提前 — the first in the unit — but not 及时性,
/// 更新及时, 定期或者不定期, 定期存款.
/// </summary>
public sealed partial class VagueDeadlineRule : DeadlineRule
{
    public override Deadline? Match(DeadlineInput input)
    {
        var m = VagueRegex().Match(input.Text);
        return m.Success ? Deadline.Vague(m.Groups["w"].Value) : null;
    }

    [GeneratedRegex("(?<w>及时)(?![性率、，。；的])|(?<w>立即|立刻|尽快|第一时间|事先|事前|预先)|(?<!不)(?<w>定期)(?!或者?不定期|存款|开放|报告制度)|(?<w>提前)(?![0-9０-９零一二两三四五六七八九十])|(?<w>事后)")]
    private static partial Regex VagueRegex();
}
