using ObligationTracker.Core.Mining.Deadlines;
using ObligationTracker.Core.Scheduling;
using ObligationTracker.Storage.Register;

namespace ObligationTracker.Scheduling.DueDates;

/// <summary>An obligation of an institution's register with its due dates in a window, or why it has none.</summary>
/// <param name="Deadline">The parsed deadline; null when the obligation has none (or it could not be read).</param>
public sealed record ScheduledObligation(RegisterEntry Entry, Deadline? Deadline, DueDateResult Result);
