namespace ObligationTracker.Core.Structure;

/// <summary>An enumerated item (项) of a paragraph: （一）…, 1. …, ①….</summary>
/// <param name="Number">1-based item number.</param>
/// <param name="Marker">The marker as written: （一）, 1., ①.</param>
/// <param name="Text">The item's text without its marker, its sub-items' lines included.</param>
/// <param name="Start">Offset of <paramref name="Text"/> in the regulation's normalised text.</param>
public sealed record Item(int Number, string Marker, string Text, int Start)
{
    /// <summary>Items of a deeper rank inside this one (1. 2. under （一）), which also stand in <see cref="Text"/>.</summary>
    public IReadOnlyList<Item> SubItems { get; init; } = [];
}
