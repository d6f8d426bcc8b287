namespace ObligationTracker.Core.Register;

/// <summary>How one provision of the old version relates to the new version.</summary>
public enum MatchKind
{
    /// <summary>Same text (maybe under another article number).</summary>
    Unchanged,

    /// <summary>Reworded: kept, flagged for review.</summary>
    Changed,
}

/// <summary>A pair of old and new indexes that the matcher considers the same provision.</summary>
public sealed record VersionPair(int Old, int New, MatchKind Kind, double Similarity);

/// <summary>The outcome of matching two versions' lists: pairs, and what is only in the old or only in the new list.</summary>
public sealed record VersionMatch(IReadOnlyList<VersionPair> Pairs, IReadOnlyList<int> Removed, IReadOnlyList<int> Added);
