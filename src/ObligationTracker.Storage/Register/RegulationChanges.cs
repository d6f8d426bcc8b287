namespace ObligationTracker.Storage.Register;

/// <summary>How an article or obligation differs between two versions: added, changed, removed or moved (same text, new number).</summary>
public sealed record ChangedText(string Change, int? OldArticle, int? NewArticle, string? OldText, string? NewText);

/// <summary>What a revision changed (对照): the articles side by side, and what happened to each obligation.</summary>
public sealed record RegulationChanges(
    StoredRegulation Regulation,
    int FromVersion,
    int ToVersion,
    IReadOnlyList<ChangedText> Articles,
    IReadOnlyList<ChangedText> Obligations,
    int UnchangedArticles);
