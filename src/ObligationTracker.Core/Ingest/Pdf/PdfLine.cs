namespace ObligationTracker.Core.Ingest.Pdf;

/// <summary>One text line of a PDF page: letters sharing a baseline, left to right.</summary>
/// <param name="Page">1-based page number.</param>
/// <param name="Text">The letters' text, a space where letters stand apart.</param>
/// <param name="Left">X of the first visible letter.</param>
/// <param name="Right">X where the last visible letter ends.</param>
/// <param name="Baseline">Y of the baseline (PDF space: grows upwards).</param>
/// <param name="FontSize">Median letter size, the unit for every tolerance.</param>
/// <param name="IsLink">Most of the line lies under a hyperlink (a link annotation with a URI): in a printed web page,
/// navigation or "related links".</param>
internal sealed record PdfLine(int Page, string Text, double Left, double Right, double Baseline, double FontSize, bool IsLink = false);
