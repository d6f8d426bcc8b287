namespace ObligationTracker.Core.Structure;

/// <summary>A paragraph (款) of an article, with the enumerated items (项) it holds.</summary>
/// <param name="Text">The paragraph's text, items included, without the article heading.</param>
/// <param name="Start">Offset of <paramref name="Text"/> in the regulation's normalised text.</param>
/// <param name="Items">Items （一）（二）… or 1. 2. … that stand in or after this paragraph.</param>
public sealed record Paragraph(string Text, int Start, IReadOnlyList<Item> Items);
