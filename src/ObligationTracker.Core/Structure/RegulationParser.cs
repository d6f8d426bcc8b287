using ObligationTracker.Core.Diagnostics;

namespace ObligationTracker.Core.Structure;

/// <summary>Parses a normalised regulation text (one paragraph per line) into a <see cref="Regulation"/>: metadata,
/// 章/节/条/款/项, attachments, and diagnostics where the numbering is broken.</summary>
/// <remarks>
/// Articles are 第X条 at the start of a line. A text without any 第X条 but with points 一、二、三、 (notices, opinions)
/// is parsed with each point as an article (五、 is article 5), numbered anew in each chapter; so is a notice in points
/// whose attachments hold 第X条 (a guideline annexed to an opinion). Articles after an 附件 heading that follows the
/// body belong to an attachment: they are kept, marked <see cref="Article.InAttachment"/>, and numbered on their own.
/// An 附件 heading before the first article of a regulation issued by a notice (关于印发《X》的通知) is the notice's:
/// what follows is the regulation itself. The parser never throws on bad input; it reports diagnostics.
/// </remarks>
public sealed class RegulationParser
{
    public Regulation Parse(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        fileName = Path.GetFileName(fileName ?? "");
        var lines = TextLine.Split(text);
        var diagnostics = new List<Diagnostic>();
        var (bodyStart, pointMode) = ChooseBody(text, lines);
        var articles = bodyStart < 0 ? [] : BodyParser.Parse(fileName, text, lines, bodyStart, pointMode, diagnostics);
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

    /// <summary>Where the body starts (its first chapter or article line, -1 when there is none) and whether its
    /// articles are points 一、 rather than 第X条.</summary>
    private static (int Start, bool PointMode) ChooseBody(string text, List<TextLine> lines)
    {
        var articleOne = FirstNumberOne(text, lines, pointMode: false, from: 0);
        var pointOne = FirstNumberOne(text, lines, pointMode: true, from: RegulationAfterNotice(text, lines));
        var pointMode = articleOne < 0
            || (pointOne >= 0 && pointOne < articleOne && AttachmentBetween(text, lines, pointOne, articleOne)
                && !FrontMatter.IssuesRegulation(lines.Take(pointOne).Select(l => l.Of(text)).ToArray()));
        var first = pointMode ? pointOne : articleOne;
        if (first < 0) return (-1, pointMode);
        while (first > 0 && BodyParser.IsDivision(lines[first - 1].In(text), out _, out _)) first--;
        return (first, pointMode);
    }

    /// <summary>The line after the title of a regulation that an issuing notice carries, where the title stands on a line
    /// of its own after the notice; else 0. Points 一、 before it are the notice's, not the regulation's.</summary>
    private static int RegulationAfterNotice(string text, List<TextLine> lines)
    {
        var head = lines.Take(40).Select(l => l.Of(text)).ToArray();
        var (noticeLine, title) = FrontMatter.FindNotice(head);
        if (noticeLine < 0 || title is null) return 0;
        var wanted = FrontMatter.Squeeze(title);
        for (var i = noticeLine + 1; i < lines.Count; i++)
        {
            var line = lines[i].In(text);
            if (line.Length <= wanted.Length + 2 && FrontMatter.Squeeze(line.ToString()) == wanted) return i + 1;
        }

        return 0;
    }

    private static int FirstNumberOne(string text, List<TextLine> lines, bool pointMode, int from)
    {
        for (var i = from; i < lines.Count; i++)
            if (BodyParser.IsHeading(lines[i].In(text), pointMode, out var n, out _) && n == 1) return i;
        return -1;
    }

    private static bool AttachmentBetween(string text, List<TextLine> lines, int from, int to)
    {
        for (var i = from; i < to; i++)
            if (Markers.IsAttachmentHeading(lines[i].In(text))) return true;
        return false;
    }
}
