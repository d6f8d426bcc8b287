namespace ObligationTracker.Search.Indexing;

/// <summary>A regulation as the index holds it: the file its articles are keyed by, and what its last indexing recorded.</summary>
/// <param name="Version">The recorded version (content hash); null when it was indexed without one.</param>
/// <param name="Status">The status its articles carry; null when it was indexed without recording one (before statuses were recorded).</param>
public sealed record IndexedRegulation(string File, string? Version, RegulationStatus? Status);
