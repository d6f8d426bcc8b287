namespace ObligationTracker.Core.Mining;

/// <summary>
/// A unit cut from an article (ANNOTATING.md rule 1): a sentence, a ；clause, a lead-in ending in ：, or an item.
/// Whether it is a normative provision is decided later, from its modality.
/// </summary>
/// <param name="Article">The article number (0 outside any article).</param>
/// <param name="Text">The unit exactly as written, without the item marker and surrounding spaces.</param>
/// <param name="Start">Offset of <paramref name="Text"/> in the regulation's normalised text.</param>
/// <param name="ItemMarker">The marker (（一）, 1.) of the item the unit belongs to; else null.</param>
/// <param name="IsLeadIn">True when the unit ends in ： and items follow.</param>
/// <param name="Paragraph">0-based paragraph (款) index within the article.</param>
public sealed record Provision
{
    public Provision(int article, string text, int start, string? itemMarker = null, bool isLeadIn = false, int paragraph = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(article);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(paragraph);
        Article = article;
        Text = text;
        Start = start;
        ItemMarker = itemMarker;
        IsLeadIn = isLeadIn;
        Paragraph = paragraph;
        Analysed = FullWidth(text);
    }

    /// <summary>
    /// <see cref="Text"/> with half-width punctuation written full-width ((以下简称…), → （以下简称…），), character for
    /// character, so the rules see one spelling and offsets stay valid.
    /// </summary>
    public string Analysed { get; }

    internal static string FullWidth(string text)
    {
        if (text.IndexOfAny([',', '(', ')', ':', ';', '?', '!']) < 0) return text;
        return string.Create(text.Length, text, static (span, t) =>
        {
            for (var i = 0; i < t.Length; i++)
            {
                span[i] = t[i] switch
                {
                    ',' when !(i > 0 && char.IsAsciiDigit(t[i - 1]) && i + 1 < t.Length && char.IsAsciiDigit(t[i + 1])) => '，',
                    '(' => '（',
                    ')' => '）',
                    ':' => '：',
                    ';' => '；',
                    '?' => '？',
                    '!' => '！',
                    _ => t[i],
                };
            }
        });
    }

    public int Article { get; }

    public string Text { get; }

    public int Start { get; }

    public string? ItemMarker { get; }

    public bool IsLeadIn { get; }

    public int Paragraph { get; }

    public bool IsItem => ItemMarker is not null;
}
