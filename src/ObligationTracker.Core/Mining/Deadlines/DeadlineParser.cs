namespace ObligationTracker.Core.Mining.Deadlines;

/// <summary>
/// Finds a unit's time limit by asking its rules rank by rank — relative, absolute, then recurring and event (the one
/// stated first wins), then vague — and taking the first answer (a precise limit wins over 及时 in the same unit). Durations that are not deadlines
/// (保存期限不少于5年, 有效期三年, 二年内不得…) match no rule.
/// </summary>
public sealed class DeadlineParser
{
    public DeadlineParser(IEnumerable<DeadlineRule> rules) => Rules = rules.ToList();

    /// <summary>The rules in the order they are asked.</summary>
    public IReadOnlyList<DeadlineRule> Rules { get; }

    public static DeadlineParser Default { get; } = new(
    [
        new RelativeDeadlineRule(),
        new AbsoluteDeadlineRule(),
        new RecurringDeadlineRule(),
        new EventDeadlineRule(),
        new VagueDeadlineRule(),
    ]);

    public Deadline? Parse(DeadlineInput input)
    {
        // Ranks in order; within a rank the limit stated first wins (每月前5个工作日内 is recurring, not an event).
        foreach (var rank in Rules.GroupBy(r => r.Rank).OrderBy(g => g.Key))
        {
            var earliest = new EarliestDeadline();
            foreach (var rule in rank)
                if (rule.Find(input) is { } found) earliest.Consider(found.Index, found.Deadline);
            if (earliest.Best is { } best) return best.Deadline;
        }

        return null;
    }

    /// <summary>Parses a unit as written (white space is removed first).</summary>
    public Deadline? Parse(string unit, int markerEnd = 0, Deadline? transition = null, int subjectEnd = 0)
    {
        var compact = DeadlineInput.Compact(unit);
        if (markerEnd > 0) markerEnd = DeadlineInput.Compact(unit[..Math.Min(markerEnd, unit.Length)]).Length;
        if (subjectEnd > 0) subjectEnd = DeadlineInput.Compact(unit[..Math.Min(subjectEnd, unit.Length)]).Length;
        return Parse(new DeadlineInput(compact, markerEnd, transition, subjectEnd));
    }
}
