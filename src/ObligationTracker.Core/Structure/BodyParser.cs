using ObligationTracker.Core.Diagnostics;

namespace ObligationTracker.Core.Structure;

/// <summary>Walks the body of a regulation line by line: chapters, sections, articles (or points), attachments, and the
/// signature that closes it; checks the numbering as it goes.</summary>
internal static class BodyParser
{
    // A 第X条 that does not follow the previous number and is glued to one of these is a cross-reference, not a heading.
    private const string ReferenceFollowers = "、，,；;。至和及或与的之中规所第款项（(";

    public static bool IsHeading(ReadOnlySpan<char> line, bool pointMode, out int number, out int length) =>
        pointMode ? Markers.TryPoint(line, out number, out length) : Markers.TryOrdinal(line, "条", out number, out length);

    public static bool IsDivision(ReadOnlySpan<char> line, out bool isSection, out int number)
    {
        isSection = Markers.TryDivision(line, "节", out number);
        return isSection || Markers.TryDivision(line, "章", out number) || Markers.TryDivision(line, "部分", out number)
            || line.SequenceEqual("附则") || line.SequenceEqual("附 则");
    }

    public static List<Article> Parse(string file, string text, List<TextLine> lines, int bodyStart, bool pointMode, List<Diagnostic> diagnostics)
    {
        var articles = new List<Article>();
        string? chapter = null, section = null;
        var inAttachment = false;
        // The attachment the articles stand in; a heading opens the next one, numbered when its first article comes
        // (a list of attachments at the body's end, 附件：1.… 2.…, holds none and numbers none).
        var (attachment, opened, headed) = (0, false, (int?)null);
        var last = 0;
        var seen = new HashSet<int>();
        // Points numbered anew in each chapter (一、 again under 第二章) keep their heading as written but take the number
        // after the body's last one: file#number names one article, and obligations' keys are built on it.
        var (bodyLast, renumber) = (0, false);
        ArticleBuilder? current = null;
        bool? points = pointMode; // null: an attachment of a notice in points, whose articles may be either kind

        bool Heading(ReadOnlySpan<char> span, out int number, out int length, out bool isPoint)
        {
            isPoint = false;
            if (points != true && Markers.TryOrdinal(span, "条", out number, out length)) return true;
            isPoint = true;
            return points != false & Markers.TryPoint(span, out number, out length);
        }

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
                var startsArticle = Heading(span, out var own, out _, out _);
                var glued = FindGluedHeading(span, points ?? pointMode, startsArticle ? own + 1 : last + 1, startsArticle || current is not null);
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
                (opened, headed) = (true, Markers.AttachmentNumber(span));
                points = pointMode ? null : false;
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
                    if (points == true)
                    {
                        last = 0; // points are numbered anew in each chapter
                        renumber |= bodyLast > 0 && !inAttachment;
                    }
                }

                return;
            }

            if (Heading(span, out var number, out var length, out var isPoint)
                && (number == last + 1 || length == span.Length || !ReferenceFollowers.Contains(span[length])))
            {
                Close();
                if (!inAttachment) CheckNumber(file, line, number, last, seen, pointMode, diagnostics);
                last = number;
                seen.Add(number);
                points = isPoint;
                if (!inAttachment)
                {
                    if (renumber && isPoint) number = bodyLast + 1;
                    bodyLast = number;
                }

                if (opened)
                {
                    // As headed (附件2), unless that would not follow the attachment before: numbers stay distinct.
                    attachment = headed > attachment ? headed.Value : attachment + 1;
                    opened = false;
                }

                current = new ArticleBuilder(text, number, line, length, chapter, section, inAttachment, attachment);
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
        var afterDivision = Markers.TryOrdinal(line, "章", out _, out _) || Markers.TryOrdinal(line, "节", out _, out _);
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
