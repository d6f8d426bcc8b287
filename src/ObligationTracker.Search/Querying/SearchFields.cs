using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Querying;

/// <summary>The fields one kind of document is searched through: articles, or provisions (which have text fields of their own).</summary>
/// <param name="Kind">The <see cref="ArticleFields.Kind"/> value of the documents searched.</param>
/// <param name="Lead">The lead-sentence field, or null where the kind has none.</param>
/// <param name="Title">The title words field, or null where the kind has none.</param>
internal sealed record SearchFields(string Kind, string Text, string TextBigrams, string? Title, string? TitleBigrams, string? Lead)
{
    public static SearchFields Articles { get; } = new(
        ArticleFields.KindArticle, ArticleFields.Text, ArticleFields.TextBigrams, ArticleFields.Title, ArticleFields.TitleBigrams, ArticleFields.Lead);

    public static SearchFields Provisions { get; } = new(
        ArticleFields.KindProvision, ArticleFields.ProvisionText, ArticleFields.ProvisionTextBigrams, ArticleFields.ProvisionTitle, ArticleFields.ProvisionTitleBigrams, null);
}
