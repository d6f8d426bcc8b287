namespace ObligationTracker.Search.Indexing;

/// <summary>A normative provision (an obligation) as the index holds it: its own document beside its article's.</summary>
/// <param name="Key">The obligation's id in its regulation (<c>doc#article.sequence</c>).</param>
/// <param name="Text">The provision's text as written; it stands in its article's text.</param>
/// <param name="Modality">obligation, prohibition or permission.</param>
/// <param name="Addressees">Canonical types it binds (监管机构, 其他 included).</param>
/// <param name="DeadlineKind">absolute, relative, recurring, event or vague; null without a time limit.</param>
public sealed record IndexedProvision(string Key, string Text, string Modality, IReadOnlyList<string> Addressees, string? DeadlineKind);
