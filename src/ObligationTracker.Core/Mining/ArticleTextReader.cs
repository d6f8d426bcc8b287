using System.Text.RegularExpressions;
using ObligationTracker.Core.Diagnostics;
using ObligationTracker.Core.Mining.Text;
using ObligationTracker.Core.Structure;

namespace ObligationTracker.Core.Mining;

/// <summary>
/// A minimal reader of 第X条 articles from plain text, one paragraph per line — a stand-in for the structure stage's
/// parser so mining can be run and scored on its own.
/// </summary>
internal static partial class ArticleTextReader
{
    public static Regulation Read(string fileName, string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var articles = new List<(int Number, string Heading, int Start, List<Paragraph> Paragraphs)>();
        var offset = 0;
        var inAttachment = false;
        foreach (var line in text.Split('\n'))
        {
            var lineStart = offset;
            offset += line.Length + 1;
            var trimmedStart = line.Length - line.TrimStart().Length;
            var m = ArticleRegex().Match(line, trimmedStart);
            if (m.Success && m.Index == trimmedStart && ChineseNumerals.Parse(m.Groups["n"].Value) is { } number)
            {
                var bodyStart = m.Index + m.Length;
                while (bodyStart < line.Length && char.IsWhiteSpace(line[bodyStart])) bodyStart++;
                inAttachment = false;
                articles.Add((number, m.Groups["h"].Value, lineStart + trimmedStart, []));
                if (bodyStart < line.Length) articles[^1].Paragraphs.Add(new Paragraph(line[bodyStart..], lineStart + bodyStart, []));
                continue;
            }

            if (AttachmentRegex().IsMatch(line)) inAttachment = true;
            if (inAttachment || articles.Count == 0 || string.IsNullOrWhiteSpace(line) || HeadingRegex().IsMatch(line)) continue;
            articles[^1].Paragraphs.Add(new Paragraph(line.Trim(), lineStart + trimmedStart, []));
        }

        var result = articles
            .Select(a => new Article(a.Number, a.Heading, null, null, a.Paragraphs, new TextSpan(a.Start, 0)))
            .ToList();
        var diagnostics = result.Count == 0
            ? new[] { new Diagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.NoArticles, "No 第X条 articles were found.", fileName) }
            : [];
        return new Regulation(fileName, Path.GetFileNameWithoutExtension(fileName), [], null, null, null, result, text, null, diagnostics);
    }

    [GeneratedRegex(@"(?<h>第(?<n>[0-9零〇一二两三四五六七八九十百]+)条)")]
    private static partial Regex ArticleRegex();

    [GeneratedRegex(@"^\s*附\s*件")]
    private static partial Regex AttachmentRegex();

    [GeneratedRegex(@"^\s*#*\s*(第[一二三四五六七八九十百]+[章节]|附\s*则|附件|附\s*件)")]
    private static partial Regex HeadingRegex();
}
