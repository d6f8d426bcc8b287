namespace ObligationTracker.Core.Scheduling;

/// <summary>Why a deadline yields no date.</summary>
public enum UndatedReason
{
    /// <summary>It has a date (or dates) — or none fall in the window asked for.</summary>
    None,

    /// <summary>A vague time (及时, 定期 …): listed for review, never reminded.</summary>
    Vague,

    /// <summary>Counted from an event the institution has not recorded yet (<c>ot event</c>).</summary>
    AwaitingEvent,

    /// <summary>Counted from the regulation's effective or issue date, which the text does not give.</summary>
    MissingAnchor,

    /// <summary>A daily or hourly duty: a continuing obligation, not a due date to remind of.</summary>
    Continuous,
}
