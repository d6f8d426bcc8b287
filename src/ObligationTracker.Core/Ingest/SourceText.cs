namespace ObligationTracker.Core.Ingest;

/// <summary>The text of one input file, normalised by <see cref="TextNormalizer"/>.</summary>
/// <param name="FileName">The file's name as the user gave it.</param>
/// <param name="Format">The format it was read as.</param>
/// <param name="Text">One paragraph per line, lines separated by "\n", trimmed, no empty lines (see <see cref="TextNormalizer"/>).</param>
/// <param name="PageCount">Pages, for PDFs; null for formats without pages.</param>
public sealed record SourceText(string FileName, SourceFormat Format, string Text, int? PageCount);
