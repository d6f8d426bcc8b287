namespace ObligationTracker.Search.Querying;

/// <summary>What a provision hit adds to its article's place: which obligation it is, its modality, whom it binds, its deadline kind.</summary>
/// <param name="Key">The obligation's id in its regulation (<c>doc#article.sequence</c>).</param>
/// <param name="DeadlineKind">absolute, relative, recurring, event or vague; null without a time limit.</param>
public sealed record ProvisionHit(string Key, string Modality, IReadOnlyList<string> Addressees, string? DeadlineKind);
