namespace ObligationTracker.Search.Analysis;

/// <summary>A token of an analysed text: [Start, End) in the text, and its position increment (0 for a word inside the
/// previous one). Its characters are the folded text's at [Start, End), unless <see cref="Term"/> says otherwise.</summary>
/// <param name="Term">The token's text where it is not simply the folded text's characters at its offsets.</param>
internal readonly record struct SegmentToken(int Start, int End, int PositionIncrement, string? Term = null);
