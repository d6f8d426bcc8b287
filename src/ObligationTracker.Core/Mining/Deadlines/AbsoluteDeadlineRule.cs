using System.Text.RegularExpressions;
using ObligationTracker.Core.Structure;

namespace ObligationTracker.Core.Mining.Deadlines;

/// <summary>A calendar date (于2025年12月31日前完成, 2026年6月底前).</summary>
public sealed partial class AbsoluteDeadlineRule : DeadlineRule
{
    public override int Rank => 1;

    public override (int Index, Deadline Deadline)? Find(DeadlineInput input)
    {
        foreach (Match m in DateRegex().Matches(input.Text))
        {
            var year = ChineseNumber.Parse(m.Groups["y"].Value);
            var month = m.Groups["m"].Success ? ChineseNumber.Parse(m.Groups["m"].Value) : 12;
            if (year is not (>= 1990 and <= 2100) || month is not (>= 1 and <= 12)) continue;
            int? day = m.Groups["d"].Success ? ChineseNumber.Parse(m.Groups["d"].Value) : DateTime.DaysInMonth(year.Value, month.Value);
            if (day is null || day < 1 || day > DateTime.DaysInMonth(year.Value, month.Value)) continue;
            return (m.Index, Deadline.Absolute(new DateOnly(year.Value, month.Value, day.Value)));
        }

        return null;
    }

    [GeneratedRegex("(?<!每)(?<y>[0-9]{4})年(?:(?<m>[0-9]{1,2})月(?:(?<d>[0-9]{1,2})日|底|末)|底|末)(?:前|之前|以前)")]
    private static partial Regex DateRegex();
}
