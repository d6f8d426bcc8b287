using ObligationTracker.Core.Mining;
using ObligationTracker.Core.Mining.Deadlines;
using ObligationTracker.Core.Structure;
using ObligationTracker.Search.Indexing;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Register;
using IndexStatus = ObligationTracker.Search.Indexing.RegulationStatus;
using StoreStatus = ObligationTracker.Storage.RegulationStatus;

namespace ObligationTracker.Cli.Ingestion;

/// <summary>
/// What the index gets for a stored regulation — status and per-article tags — whether ingest indexes the obligations it has
/// just mined or the catch-up indexes the ones it reads back from the store, so both write the same documents.
/// </summary>
internal static class RegulationIndexing
{
    /// <summary>The update that indexes <paramref name="regulation"/> as <paramref name="stored"/> records it, tagged by its obligations.</summary>
    public static RegulationUpdate Update(Regulation regulation, StoredRegulation stored, Func<Article, ArticleTags> tags, TimeProvider clock, string? previousFile = null) =>
        new(regulation, stored.ContentHash, StatusOf(stored, clock), tags, previousFile);

    /// <summary>Tags from freshly mined obligations.</summary>
    public static Func<Article, ArticleTags> Tags(IEnumerable<Obligation> obligations) =>
        Tags(obligations.Select(o => (o.Article, new IndexedProvision(
            o.Id, o.Text, o.Modality.ToFormatName(), o.Addressees, o.Deadline is { } d ? Deadline.KindName(d.Kind) : null))));

    /// <summary>Tags from the obligations the store holds (the active ones: those of the current version).</summary>
    public static Func<Article, ArticleTags> Tags(IEnumerable<StoredObligation> obligations) =>
        Tags(obligations.Select(o => (o.Article, new IndexedProvision(o.Key, o.Text, o.Modality, o.Addressees, o.DeadlineKind))));

    /// <summary>
    /// Repealed as the store says; else not yet effective before its effective date (today on this machine's calendar), else in force.
    /// </summary>
    /// <remarks>Not-yet-effective depends on the date, so a regulation's indexed status goes stale when its effective date comes; the catch-up re-indexes it then.</remarks>
    public static IndexStatus StatusOf(StoredRegulation stored, TimeProvider clock)
    {
        if (stored.Status == StoreStatus.Repealed) return IndexStatus.Repealed;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return stored.Effective is { } effective && effective > today ? IndexStatus.NotYetEffective : IndexStatus.InForce;
    }

    // The types an article's obligations bind and their modalities, each once and in ordinal order (mined and stored
    // obligations list addressees in different orders), and the obligations themselves as its provisions, addressees in
    // the same order. Obligations are mined from the body only: an attachment's article (numbered from 1 again) gets none.
    private static Func<Article, ArticleTags> Tags(IEnumerable<(int Article, IndexedProvision Provision)> obligations)
    {
        var byArticle = obligations.ToLookup(o => o.Article, o => o.Provision with { Addressees = [.. o.Provision.Addressees.Order(StringComparer.Ordinal)] });
        return article => article.InAttachment
            ? ArticleTags.None
            : new ArticleTags(
                [.. byArticle[article.Number].SelectMany(o => o.Addressees).Distinct().Order(StringComparer.Ordinal)],
                [.. byArticle[article.Number].Select(o => o.Modality).Distinct().Order(StringComparer.Ordinal)])
            {
                Provisions = [.. byArticle[article.Number]],
            };
    }
}
