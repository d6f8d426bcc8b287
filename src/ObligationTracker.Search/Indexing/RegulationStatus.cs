namespace ObligationTracker.Search.Indexing;

/// <summary>Whether a regulation is in force; stored and filterable as its lower-case name.</summary>
public enum RegulationStatus
{
    InForce,
    NotYetEffective,
    Amended,
    Repealed,
}
