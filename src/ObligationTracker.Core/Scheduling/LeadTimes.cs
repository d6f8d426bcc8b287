using System.Globalization;

namespace ObligationTracker.Core.Scheduling;

/// <summary>How many days before a due date reminders go out, and whether one goes out on the first day overdue.</summary>
public sealed record LeadTimes
{
    public static readonly LeadTimes Default = new([30, 7, 1], overdue: true);

    public LeadTimes(IReadOnlyList<int> days, bool overdue)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (days.Any(d => d < 0)) throw new ArgumentException("Lead times are days before the due date: 0 or more.", nameof(days));
        Days = days.Distinct().OrderDescending().ToArray();
        Overdue = overdue;
    }

    /// <summary>Descending: 30, 7, 1.</summary>
    public IReadOnlyList<int> Days { get; }

    public bool Overdue { get; }

    /// <summary>Every lead, the overdue one (-1) last: the order in which their send days come.</summary>
    public IEnumerable<int> All => Overdue ? Days.Append(Reminder.OverdueLead) : Days;

    /// <summary>The furthest ahead a due date can be and still be reminded of today.</summary>
    public int Horizon => Days.Count > 0 ? Days[0] : 0;

    /// <summary>Parses <c>30,7,1,overdue</c>.</summary>
    /// <exception cref="FormatException">A part is neither a number of days nor <c>overdue</c>.</exception>
    public static LeadTimes Parse(string text)
    {
        var days = new List<int>();
        var overdue = false;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part.Equals("overdue", StringComparison.OrdinalIgnoreCase)) overdue = true;
            else if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var d)) days.Add(d);
            else throw new FormatException($"Lead time '{part}' is neither a number of days nor 'overdue'.");
        }

        return new LeadTimes(days, overdue);
    }

    public override string ToString() => string.Join(",", Days.Select(d => d.ToString(CultureInfo.InvariantCulture)).Concat(Overdue ? ["overdue"] : Array.Empty<string>()));
}
