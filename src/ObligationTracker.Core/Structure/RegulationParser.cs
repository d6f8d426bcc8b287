using ObligationTracker.Core.Diagnostics;

namespace ObligationTracker.Core.Structure;

/// <summary>Parses a normalised regulation text (one paragraph per line) into a <see cref="Regulation"/>: metadata,
/// 章/节/条/款/项, attachments, and diagnostics where the numbering is broken.</summary>
/// <remarks>
/// Articles are 第X条 at the start of a line. A text without any 第X条 but with points 一、二、三、 (notices, opinions)
/// is parsed with each point as an article (五、 is article 5), numbered anew in each chapter. Articles after an 附件
/// heading that follows the body belong to an attachment: they are kept, marked <see cref="Article.InAttachment"/>,
/// and numbered on their own. An 附件 heading before the first article is the issuing notice's: what follows is the
/// regulation itself. The parser never throws on bad input; it reports diagnostics.
/// </remarks>
public sealed class RegulationParser
{
    // A 第X条 that does not follow the previous number and is glued to one of these is a cross-reference, not a heading.
    private const string ReferenceFollowers = "、，,；;。至和及或与的之中规所第款项（(";

    public Regulation Parse(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        fileName = Path.GetFileName(fileName ?? "");
        var lines = TextLine.Split(text);
        var diagnostics = new List<Diagnostic>();
        var pointMode = !HasArticleOne(text, lines);
        var bodyStart = FindBodyStart(text, lines, pointMode);
        var articles = bodyStart < 0 ? [] : ParseBody(fileName, text, lines, bodyStart, pointMode, diagnostics);
        if (articles.Count == 0)
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.NoArticles,
                "No article (第X条) or numbered point (一、) was found: the text is kept as a whole, without articles.", fileName));

        var meta = FrontMatter.Read(text, lines, bodyStart < 0 ? lines.Count : bodyStart, articles);
        var title = meta.Title;
        if (title is null)
        {
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.NoTitle,
                "No title was found; the file name stands in for it.", fileName));
            title = Path.GetFileNameWithoutExtension(fileName);
        }

        return new Regulation(fileName, title, meta.Issuers, meta.DocumentNumber, meta.Issued, meta.Effective,
            articles, text, meta.Notice, diagnostics);
    }

    private static bool HasArticleOne(string text, List<TextLine> lines)
    {
        foreach (var line in lines)
            if (Markers.TryOrdinal(line.In(text), "条", out var n, out _) && n == 1) return true;
        return false;
    }

    private static bool IsHeading(ReadOnlySpan<char> line, bool pointMode, out int number, out int length) =>
        pointMode ? Markers.TryPoint(line, out number, out length) : Markers.TryOrdinal(line, "条", out number, out length);

    /// <summary>The first article's line, moved back over the chapter and section headings right before it.</summary>
    private static int FindBodyStart(string text, List<TextLine> lines, bool pointMode)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (!IsHeading(lines[i].In(text), pointMode, out var n, out _) || n != 1) continue;
            var start = i;
            while (start > 0 && IsDivision(lines[start - 1].In(text), out _, out _)) start--;
            return start;
        }

        return -1;
    }

    private static bool IsDivision(ReadOnlySpan<char> line, out bool isSection, out int number)
    {
        isSection = Markers.TryDivision(line, "节", out number);
        return isSection || Markers.TryDivision(line, "章", out number) || Markers.TryDivision(line, "部分", out number)
            || line.SequenceEqual("附则") || line.SequenceEqual("附 则");
    }

    private static List<Article> ParseBody(string file, string text, List<TextLine> lines, int bodyStart, bool pointMode, List<Diagnostic> diagnostics)
    {
        var articles = new List<Article>();
        string? chapter = null, section = null;
        var inAttachment = false;
        var last = 0;
        var seen = new HashSet<int>();
        ArticleBuilder? current = null;

        void Close()
        {
            if (current is not null) articles.Add(current.Build());
            current = null;
        }

        for (var i = bodyStart; i < lines.Count; i++)
        {
            var line = lines[i];
            while (true)
            {
                // A heading glued to the end of the line before it (…同时废止。第四条 …, 第二章 …第十一条 …) is split off.
                var span = line.In(text);
                var startsArticle = IsHeading(span, pointMode, out var own, out _);
                var glued = FindGluedHeading(span, pointMode, startsArticle ? own + 1 : last + 1, startsArticle || current is not null);
                var head = glued < 0 ? line : line with { End = line.Start + glued };
                Step(head);
                if (glued < 0) break;
                line = line with { Start = line.Start + glued };
            }
        }

        void Step(TextLine line)
        {
            var span = line.In(text);
            if (Markers.IsAttachmentHeading(span))
            {
                Close();
                inAttachment = true;
                chapter = section = null;
                last = 0;
                seen.Clear();
                return;
            }

            if (IsDivision(span, out var isSection, out _))
            {
                Close();
                if (isSection) section = span.ToString();
                else
                {
                    chapter = span.ToString();
                    section = null;
                    if (pointMode) last = 0; // points are numbered anew in each chapter
                }

                return;
            }

            if (IsHeading(span, pointMode, out var number, out var length)
                && (number == last + 1 || length == span.Length || !ReferenceFollowers.Contains(span[length])))
            {
                Close();
                if (!inAttachment) CheckNumber(file, line, number, last, seen, pointMode, diagnostics);
                last = number;
                seen.Add(number);
                current = new ArticleBuilder(text, number, line, length, chapter, section, inAttachment);
                return;
            }

            if (current is null) return;
            if (IsTrailer(span)) Close();
            else current.Add(line);
        }

        Close();
        return articles;
    }

    /// <summary>Where the heading of the expected next article starts inside <paramref name="line"/>, or -1: after a
    /// sentence end within an article, or after a chapter or section heading.</summary>
    private static int FindGluedHeading(ReadOnlySpan<char> line, bool pointMode, int expected, bool inArticle)
    {
        var afterDivision = line.Length > 40 && (line.StartsWith("第") && (line[..20].Contains('章') || line[..20].Contains('节')));
        if (!inArticle && !afterDivision) return -1;
        for (var k = 1; k < line.Length - 2; k++)
        {
            var c = line[k];
            if (pointMode ? !ChineseNumber.IsNumeralChar(c) : c != '第') continue;
            var prev = line[k - 1];
            if (!afterDivision && prev is not ('。' or '；' or ';')) continue;
            if (IsHeading(line[k..], pointMode, out var n, out _) && n == expected && (afterDivision || n > 1)) return k;
        }

        return -1;
    }

    private static void CheckNumber(string file, TextLine line, int number, int last, HashSet<int> seen, bool pointMode, List<Diagnostic> diagnostics)
    {
        if (number == last + 1) return;
        var unit = pointMode ? "point" : "article";
        if (seen.Contains(number) || number <= last)
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.ArticleDuplicate,
                $"The {unit} numbered {number} comes after {unit} {last}: numbered twice or out of order.", file, Line: line.Number));
        else
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.ArticleGap,
                number == last + 2 ? $"The {unit} numbered {last + 1} is missing before {unit} {number}."
                    : $"The {unit}s numbered {last + 1} to {number - 1} are missing before {unit} {number}.", file, Line: line.Number));
    }

    /// <summary>Lines that close the body: the signature (issuer names, date) and the distribution notes after it.</summary>
    private static bool IsTrailer(ReadOnlySpan<char> line) =>
        (line.Length <= 20 && ChineseDate.ParseExact(line.ToString()) is not null)
        || line.StartsWith("抄送") || line.StartsWith("抄 送") || line.StartsWith("（此件") || line.StartsWith("(此件")
        || line.StartsWith("主题词") || line.StartsWith("信息公开选项") || line.StartsWith("内部发送") || line.StartsWith("<!--")
        || (line.Length <= 80 && !Markers.EndsSentence(line) && IssuerNames.IsOnlyNames(line.ToString()));
}
