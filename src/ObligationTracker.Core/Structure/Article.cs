namespace ObligationTracker.Core.Structure;

/// <summary>One article (条), or one numbered point (一、) of a notice or opinion, which counts as an article.</summary>
/// <param name="Number">1-based article number (第十二条 → 12; 五、 → 5).</param>
/// <param name="Heading">The heading as written: 第十二条, 五、.</param>
/// <param name="Chapter">The chapter heading it stands in (第二章 数据安全治理), or null.</param>
/// <param name="Section">The section heading it stands in (第一节 …), or null.</param>
/// <param name="Paragraphs">Its paragraphs (款), heading removed from the first.</param>
/// <param name="Span">Where the whole article, heading included, stands in <see cref="Regulation.Text"/>.</param>
/// <param name="InAttachment">True for an article of an attachment (附件) rather than the regulation body.</param>
public sealed record Article(
    int Number,
    string Heading,
    string? Chapter,
    string? Section,
    IReadOnlyList<Paragraph> Paragraphs,
    TextSpan Span,
    bool InAttachment = false)
{
    /// <summary>The article's text without its heading, paragraphs joined by a line break.</summary>
    public string Text => string.Join("\n", Paragraphs.Select(p => p.Text));
}
