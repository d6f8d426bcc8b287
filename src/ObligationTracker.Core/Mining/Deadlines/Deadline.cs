using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ObligationTracker.Core.Mining.Deadlines;

/// <summary>A time limit in FORMAT.md's shape; build one with the factory for its kind, which validates the fields.</summary>
public sealed partial record Deadline
{
    private Deadline(DeadlineKind kind) => Kind = kind;

    public DeadlineKind Kind { get; }

    public DateOnly? Date { get; private init; }

    public DeadlineAnchor? Anchor { get; private init; }

    /// <summary>ISO 8601 period: P15D, P6M, P1Y, PT2H, PT30M.</summary>
    public string? Offset { get; private init; }

    public bool WorkingDays { get; private init; }

    public Frequency? Frequency { get; private init; }

    public int? Years { get; private init; }

    public int? Hours { get; private init; }

    /// <summary>MM-DD for an annual duty with a fixed due day.</summary>
    public string? Due { get; private init; }

    /// <summary>The triggering event in the regulation's words.</summary>
    public string? Event { get; private init; }

    /// <summary>True when the offset counts back from the event (签署前二十个工作日).</summary>
    public bool Before { get; private init; }

    /// <summary>The vague word (及时, 立即 …).</summary>
    public string? Phrase { get; private init; }

    public static Deadline Absolute(DateOnly date) => new(DeadlineKind.Absolute) { Date = date };

    public static Deadline Relative(DeadlineAnchor anchor, string offset, bool workingDays = false) =>
        new(DeadlineKind.Relative) { Anchor = anchor, Offset = CheckOffset(offset), WorkingDays = workingDays };

    public static Deadline Recurring(Frequency frequency, string? due = null, string? offset = null, bool workingDays = false, int? years = null, int? hours = null)
    {
        if (frequency == Deadlines.Frequency.EveryNYears && years is not > 0) throw new ArgumentException("every_n_years needs years > 0.", nameof(years));
        if (frequency == Deadlines.Frequency.EveryNHours && hours is not > 0) throw new ArgumentException("every_n_hours needs hours > 0.", nameof(hours));
        if (due is not null && !DueRegex().IsMatch(due)) throw new ArgumentException($"Due day '{due}' is not MM-DD.", nameof(due));
        if (due is not null && offset is not null) throw new ArgumentException("A recurring deadline has a due day or an offset, not both.");
        return new(DeadlineKind.Recurring)
        {
            Frequency = frequency,
            Due = due,
            Offset = offset is null ? null : CheckOffset(offset),
            WorkingDays = workingDays,
            Years = frequency == Deadlines.Frequency.EveryNYears ? years : null,
            Hours = frequency == Deadlines.Frequency.EveryNHours ? hours : null,
        };
    }

    public static Deadline ForEvent(string eventPhrase, string offset, bool workingDays = false, bool before = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventPhrase);
        return new(DeadlineKind.Event) { Event = eventPhrase, Offset = CheckOffset(offset), WorkingDays = workingDays, Before = before };
    }

    public static Deadline Vague(string phrase)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phrase);
        return new(DeadlineKind.Vague) { Phrase = phrase };
    }

    /// <summary>The FORMAT.md object.</summary>
    public JsonObject ToJson()
    {
        var o = new JsonObject { ["kind"] = KindName(Kind) };
        switch (Kind)
        {
            case DeadlineKind.Absolute:
                o["date"] = Date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                break;
            case DeadlineKind.Relative:
                o["anchor"] = Anchor == DeadlineAnchor.IssueDate ? "issue_date" : "effective_date";
                o["offset"] = Offset;
                if (WorkingDays) o["working_days"] = true;
                break;
            case DeadlineKind.Recurring:
                o["frequency"] = FrequencyName(Frequency!.Value);
                if (Years is { } y) o["years"] = y;
                if (Hours is { } h) o["hours"] = h;
                if (Due is not null) o["due"] = Due;
                if (Offset is not null) o["offset"] = Offset;
                if (WorkingDays) o["working_days"] = true;
                break;
            case DeadlineKind.Event:
                o["event"] = Event;
                o["offset"] = Offset;
                if (WorkingDays) o["working_days"] = true;
                if (Before) o["before"] = true;
                break;
            case DeadlineKind.Vague:
                o["phrase"] = Phrase;
                break;
        }

        return o;
    }

    public static string KindName(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Absolute => "absolute",
        DeadlineKind.Relative => "relative",
        DeadlineKind.Recurring => "recurring",
        DeadlineKind.Event => "event",
        _ => "vague",
    };

    public static string FrequencyName(Frequency frequency) => frequency switch
    {
        Deadlines.Frequency.Annual => "annual",
        Deadlines.Frequency.Semiannual => "semiannual",
        Deadlines.Frequency.Quarterly => "quarterly",
        Deadlines.Frequency.Monthly => "monthly",
        Deadlines.Frequency.Weekly => "weekly",
        Deadlines.Frequency.Daily => "daily",
        Deadlines.Frequency.EveryNYears => "every_n_years",
        _ => "every_n_hours",
    };

    private static string CheckOffset(string offset) =>
        OffsetRegex().IsMatch(offset) ? offset : throw new ArgumentException($"Offset '{offset}' is not an ISO 8601 period such as P15D or PT2H.", nameof(offset));

    [GeneratedRegex(@"^P(\d+[YMWD]|T\d+[HM])$")]
    private static partial Regex OffsetRegex();

    [GeneratedRegex(@"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")]
    private static partial Regex DueRegex();
}
