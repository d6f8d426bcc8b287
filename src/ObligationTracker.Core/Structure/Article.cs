namespace ObligationTracker.Core.Structure;

/// <summary>One article (条), or one numbered point (一、) of a notice or opinion, which counts as an article.</summary>
/// <param name="Number">1-based article number (第十二条 → 12; 五、 → 5).</param>
/// <param name="Heading">The heading as written: 第十二条, 五、.</param>
/// <param name="Chapter">The chapter heading it stands in (第二章 数据安全治理), or null.</param>
/// <param name="Section">The section heading it stands in (第一节 …), or null.</param>
/// <param name="Paragraphs">Its paragraphs (款), heading removed from the first.</param>
/// <param name="Span">Where the whole article, heading included, stands in <see cref="Regulation.Text"/>.</param>
/// <param name="InAttachment">True for an article of an attachment (附件) rather than the regulation body.</param>
/// <param name="Attachment">Which attachment, where there are several whose articles are numbered anew (附件1 第一条, 附件2 第一条):
/// the number its heading gives it (附件2 → 2), else its place among the attachments; 0 in the body, and in a regulation
/// stored before attachments were numbered.</param>
public sealed record Article(
    int Number,
    string Heading,
    string? Chapter,
    string? Section,
    IReadOnlyList<Paragraph> Paragraphs,
    TextSpan Span,
    bool InAttachment = false,
    int Attachment = 0)
{
    public int Attachment { get; } = Attachment == 0 || (Attachment > 0 && InAttachment)
        ? Attachment
        : throw new ArgumentOutOfRangeException(nameof(Attachment), Attachment, "An attachment is numbered from 1, and only an article in an attachment has one.");

    /// <summary>The article's text without its heading, paragraphs joined by a line break.</summary>
    public string Text => string.Join("\n", Paragraphs.Select(p => p.Text));
}
