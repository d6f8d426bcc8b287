using ObligationTracker.Core.Structure;

namespace ObligationTracker.Search.Indexing;

/// <summary>One regulation to (re-)index: its articles, the version and status to record for it, and its articles' tags.</summary>
/// <param name="Version">What the regulation was read from (the source's content hash); <see cref="ArticleIndex.Indexed"/> reports it back.</param>
/// <param name="Tags">Tags per article; null tags articles by the institution names in their text.</param>
/// <param name="PreviousFile">The file name it was indexed under before (a revision under another name), whose articles go in the same commit.</param>
public sealed record RegulationUpdate(Regulation Regulation, string Version, RegulationStatus Status, Func<Article, ArticleTags>? Tags, string? PreviousFile = null)
{
    public Regulation Regulation { get; } = Regulation ?? throw new ArgumentNullException(nameof(Regulation));

    public string Version { get; } = string.IsNullOrWhiteSpace(Version) ? throw new ArgumentException("A version is required.", nameof(Version)) : Version;
}
