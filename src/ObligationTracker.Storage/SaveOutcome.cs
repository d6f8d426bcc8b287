namespace ObligationTracker.Storage;

/// <summary>What saving a parsed regulation did.</summary>
public enum SaveOutcome
{
    /// <summary>A regulation the store did not have.</summary>
    Added,

    /// <summary>A new version of a regulation it had (same document number or title, other content).</summary>
    Replaced,
}
