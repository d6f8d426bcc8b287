namespace ObligationTracker.Scheduling;

/// <summary>What one daily scan did.</summary>
/// <param name="After">The scan covered the days after this one…</param>
/// <param name="Through">…up to and including this one.</param>
/// <param name="Planned">Reminders whose send day fell in the span.</param>
/// <param name="Enqueued">Of those, the ones new to the store (the rest were enqueued by an earlier run).</param>
public sealed record ScanResult(DateOnly After, DateOnly Through, int Institutions, int Pairs, int Planned, int Enqueued);
