using System.Text.RegularExpressions;

namespace ObligationTracker.Tools.Samples;

/// <summary>One line of a sample source (corpora/samples/src/*.src.txt): a directive or a paragraph.</summary>
/// <param name="Kind">What the line is.</param>
/// <param name="Text">The line's text with its directive or marker removed (the 第X条 / （一） marker stays in <see cref="Marker"/>).</param>
/// <param name="Marker">For an article or item: the marker as written (第十二条, （三）).</param>
/// <param name="Cells">For a table row: its cells.</param>
internal sealed partial record SampleLine(SampleLineKind Kind, string Text, string? Marker = null, IReadOnlyList<string>? Cells = null)
{
    /// <summary>Reads a source: '#' lines are comments; the rest map one to one onto lines.</summary>
    public static IReadOnlyList<SampleLine> ParseAll(string source) =>
        source.Replace("\r\n", "\n").Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(Parse)
            .ToList();

    public static SampleLine Parse(string line)
    {
        foreach (var (prefix, kind) in Directives)
            if (line == prefix.TrimEnd() || line.StartsWith(prefix, StringComparison.Ordinal))
                return new SampleLine(kind, line.Length > prefix.Length ? line[prefix.Length..] : "");
        if (line.StartsWith('|'))
            return new SampleLine(SampleLineKind.TableRow, line, Cells: line.Trim('|', ' ').Split('|').Select(c => c.Trim()).ToList());
        var article = ArticleMarker().Match(line);
        if (article.Success) return new SampleLine(SampleLineKind.Article, line[article.Length..], article.Groups[1].Value);
        var item = ItemMarker().Match(line);
        if (item.Success) return new SampleLine(SampleLineKind.Item, line[item.Length..], item.Value);
        return new SampleLine(SampleLineKind.Body, line);
    }

    private static readonly (string Prefix, SampleLineKind Kind)[] Directives =
    [
        ("@center ", SampleLineKind.Center), ("@right ", SampleLineKind.Right), ("@left ", SampleLineKind.Left),
        ("@title ", SampleLineKind.Title), ("@redhead ", SampleLineKind.RedHead), ("@header ", SampleLineKind.Header),
        ("@page", SampleLineKind.PageBreak), ("@rule", SampleLineKind.Rule),
    ];

    [GeneratedRegex(@"^(第[一二三四五六七八九十百零]+条)[ 　]")]
    private static partial Regex ArticleMarker();

    [GeneratedRegex(@"^（[一二三四五六七八九十]+）")]
    private static partial Regex ItemMarker();
}

internal enum SampleLineKind
{
    Body,
    Article,
    Item,
    TableRow,
    Center,
    Right,
    Left,
    Title,
    RedHead,
    Header,
    PageBreak,
    Rule,
}
