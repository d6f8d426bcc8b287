namespace ObligationTracker.Search.Querying;

/// <summary>Field and expansion weights of free-text queries, tuned on corpora/relevance/queries.tsv.</summary>
internal sealed record QueryWeights
{
    public static QueryWeights Default { get; } = new();

    public float Text { get; init; } = 1.0f;
    public float Title { get; init; } = 1.5f;
    public float Chapter { get; init; } = 0.3f;
    public float TextBigrams { get; init; } = 0.4f;
    public float TitleBigrams { get; init; } = 0.4f;

    /// <summary>Weight of the words a synonym rule adds, relative to the typed words.</summary>
    public float Synonym { get; init; } = 0.6f;

    /// <summary>Weight of jieba's general thesaurus alternatives.</summary>
    public float Thesaurus { get; init; } = 0.15f;

    /// <summary>An exact document-number match; large enough to put that regulation first whatever else the query says.</summary>
    public float DocumentNumber { get; init; } = 30f;

    /// <summary>A quoted phrase found in the text.</summary>
    public float Phrase { get; init; } = 2.0f;
}
