namespace ObligationTracker.Core.Structure;

/// <summary>A paragraph (款) of an article, with the enumerated items (项) it holds.</summary>
/// <param name="Text">The paragraph's text without the article heading: its lead-in line and the item lines that follow it
/// (…包括：\n（一）…\n（二）…), joined by line breaks as in the regulation's text.</param>
/// <param name="Start">Offset of <paramref name="Text"/> in the regulation's normalised text.</param>
/// <param name="Items">Items （一）（二）…, 1. 2. … or ①② of this paragraph, on lines of their own or written on one line.</param>
/// <remarks>A line that is not an item starts a new paragraph, unless the item numbering resumes after it: then it is a
/// paragraph inside the item before it and stays in that item's text.</remarks>
public sealed record Paragraph(string Text, int Start, IReadOnlyList<Item> Items);
