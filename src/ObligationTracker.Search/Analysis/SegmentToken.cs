namespace ObligationTracker.Search.Analysis;

/// <summary>A word of the segmented text: [Start, End) in the text, and its position increment (0 for a word inside the previous one).</summary>
internal readonly record struct SegmentToken(string Term, int Start, int End, int PositionIncrement);
