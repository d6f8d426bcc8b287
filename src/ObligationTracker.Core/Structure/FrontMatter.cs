using System.Text.RegularExpressions;

namespace ObligationTracker.Core.Structure;

/// <summary>What the lines before the body (and the signature after it) say about a regulation.</summary>
internal sealed record RegulationMetadata(
    string? Title, IReadOnlyList<string> Issuers, string? DocumentNumber, DateOnly? Issued, DateOnly? Effective, TextSpan? Notice);

/// <summary>Reads the title, the issuing notice, issuers, document number and dates from the head of a regulation.</summary>
/// <remarks>
/// The head is everything before the first article: a red-header block (发文机关 文件, 文号), an issuing notice
/// (…关于印发《X》的通知, addressees 各…：, 现将…印发给你们, signature and date, 附件), an order (…令 第N号), or the
/// information lines of a law (…会议通过, …修正). When a notice issues a regulation, the regulation's title is the
/// one the notice names, and the notice is kept as a span of its own.
/// </remarks>
internal static partial class FrontMatter
{
    private const int MaxHeadLines = 80;

    [GeneratedRegex(@"关于(?:印发|发布|颁布|公布|转发)(?:修订后的|修订的)?(?:[《〈](?<t>[^》〉]{2,80})[》〉](?:的)?|(?<t>[^《》，。]{2,80}?)的)(?:通知|公告|决定)")]
    private static partial Regex NoticeRegex();

    [GeneratedRegex(@"^(?<n>.{4,60}?号)\s*[（(](?<t>[^（）()]{2,60})[）)]$")]
    private static partial Regex NumberThenTitleRegex();

    [GeneratedRegex(@"[（(][^（）()]{2,40}号[）)]$")]
    private static partial Regex TrailingNumberRegex();

    // Labels of a web page's information block (索引号: …) and a red header's urgency and secrecy marks.
    [GeneratedRegex(@"^(?:特急|加急|平急|急件|特提|密级|机密|秘密|签发人)|(?:索引号|主题分类|发文机关|发文字号|成文日期|发布日期|文号|办文部门|发文日期|公文名称)\s*[:：]")]
    private static partial Regex LabelOrMarkRegex();

    [GeneratedRegex(@"(?:法|办法|规定|细则|指引|准则|条例|规则|规程|通知|意见|公告|决定|规范|方案|标准|指南|制度|要求|批复)(?:[（(](?:试行|暂行)[）)])?$")]
    private static partial Regex TitleEndingRegex();

    public static RegulationMetadata Read(string text, List<TextLine> lines, int bodyStart, List<Article> articles)
    {
        var head = lines.Take(Math.Min(bodyStart, MaxHeadLines)).Select(l => l.Of(text)).ToArray();
        var tail = lines.Skip(Math.Max(bodyStart, lines.Count - 12)).Select(l => l.Of(text)).ToArray();

        var (noticeLine, carried) = FindNotice(head);
        var candidates = articles.Count == 0 ? lines.Take(15).Select(l => l.Of(text)).ToArray() : head;
        var found = FindTitle(candidates);
        var title = carried ?? TitleAboveBody(head)
            ?? (found is not null && TitleEndingRegex().IsMatch(found) ? found : null)
            ?? FrontMatterFields.LabelledTitle(head) ?? found;
        var documentNumber = FrontMatterFields.FindDocumentNumber(head, title);
        var issuers = FrontMatterFields.FindIssuers(head, tail, documentNumber, articles);
        if (documentNumber is null && issuers.Count > 0 && title is not null && title.EndsWith("公告", StringComparison.Ordinal))
            documentNumber = FrontMatterFields.FindAnnouncementNumber(head, issuers);
        var issued = RegulationDates.FindIssued(head, tail);
        var effective = RegulationDates.FindEffective(head, articles, issued);

        TextSpan? notice = null;
        if (noticeLine >= 0 && title is not null)
        {
            var end = FindRegulationStart(head, noticeLine, title, bodyStart);
            if (end > noticeLine)
                notice = new TextSpan(lines[noticeLine].Start, lines[end - 1].End - lines[noticeLine].Start);
        }

        return new RegulationMetadata(title, issuers, documentNumber, issued, effective, notice);
    }

    /// <summary>True when the head holds a notice that issues a regulation (关于印发《X》的通知).</summary>
    public static bool IssuesRegulation(string[] head) => FindNotice(head).Line >= 0;

    /// <summary>The line of a 关于印发《X》的通知 heading (joined over up to three lines) and X.</summary>
    internal static (int Line, string? Title) FindNotice(string[] head)
    {
        for (var i = 0; i < Math.Min(head.Length, 40); i++)
        {
            if (!head[i].Contains("关于", StringComparison.Ordinal)) continue;
            // The heading may wrap over up to three lines; it opens its line, after the issuers' names at most.
            var joined = head[i];
            var m = NoticeRegex().Match(joined);
            for (var j = i + 1; !m.Success && j < head.Length && j <= i + 2; j++) m = NoticeRegex().Match(joined += head[j]);
            if (!m.Success) continue;
            var issuers = joined[..m.Index].Trim();
            if (issuers.Length > 0 && !IssuerNames.IsOnlyNames(issuers.Replace("标题：", "", StringComparison.Ordinal))) continue;
            var start = i;
            while (start > 0 && IsLetterhead(head[start - 1])) start--;
            return (start, m.Groups["t"].Value.Trim());
        }

        return (-1, null);
    }

    /// <summary>Lines of a red header above a notice heading: issuer names, 文件, a document number.</summary>
    private static bool IsLetterhead(string line) =>
        line.Length <= 60 && (IssuerNames.IsOnlyNames(line.Replace("文件", " ", StringComparison.Ordinal).Trim())
            || (DocumentNumber.Find(line) is { } n && n.Length + 4 >= line.Length));

    /// <summary>The line right above the first chapter or article, when it reads as a title (after an order's preamble).</summary>
    private static string? TitleAboveBody(string[] head) =>
        head.Length > 0 && IsTitleLike(head[^1]) && TitleEndingRegex().IsMatch(head[^1]) ? head[^1] : null;

    /// <summary>The first line that reads as a title, joined with the next one where the title wraps.</summary>
    private static string? FindTitle(string[] candidates)
    {
        string? fallback = null;
        for (var i = 0; i < Math.Min(candidates.Length, 20); i++)
        {
            // 中国人民银行令〔2024〕第4号（非银行支付机构监督管理条例实施细则）: a web page's heading, number then title.
            if (NumberThenTitleRegex().Match(candidates[i]) is { Success: true } numbered && DocumentNumber.Find(numbered.Groups["n"].Value) is not null)
                return numbered.Groups["t"].Value;
            var line = candidates[i].TrimStart('#', ' ');
            if (!IsTitleLike(line)) continue;
            var title = line;
            if (!TitleEndingRegex().IsMatch(title) && i + 1 < candidates.Length && candidates[i + 1].Length <= 40
                && IsTitleLike(candidates[i + 1]) && TitleEndingRegex().IsMatch(candidates[i + 1]))
                title += candidates[i + 1];
            title = StripNumber(title);
            // A line that does not end like a title (a web page's menu, a department) stands in only when nothing else does.
            if (TitleEndingRegex().IsMatch(title)) return title;
            fallback ??= title;
        }

        return fallback;
    }

    /// <summary>A title without the document number a web page appends to it: …的通知（银发〔2025〕205号）.</summary>
    private static string StripNumber(string title) =>
        TrailingNumberRegex().Match(title) is { Success: true } m && DocumentNumber.Find(m.Value) is not null ? title[..m.Index] : title;

    private static bool IsTitleLike(string line)
    {
        if (line.Length is < 2 or > 80 || Markers.EndsSentence(line)) return false;
        if (LabelOrMarkRegex().IsMatch(line) || line.Contains('>') || line.StartsWith("首页", StringComparison.Ordinal)) return false; // web page chrome
        if (line[0] is '（' or '(' or '<' or '【' or '[' || line.StartsWith("目录", StringComparison.Ordinal)
            || line.StartsWith("目 录", StringComparison.Ordinal) || line.StartsWith("各", StringComparison.Ordinal)) return false;
        if (char.IsAsciiDigit(line[0]) || Markers.TryOrdinal(line, "章", out _, out _) || Markers.TryOrdinal(line, "条", out _, out _)) return false;
        if (ChineseDate.ParseExact(line) is not null || DocumentNumber.IsBareNumber(line) || FrontMatterFields.IsSignatory(line)) return false;
        var unheaded = line.Replace("文件", " ", StringComparison.Ordinal).TrimEnd('令', '公', '告', ' ');
        if (unheaded.Length == 0 || IssuerNames.IsOnlyNames(unheaded.Trim())) return false;
        return DocumentNumber.Find(line) is not { } n || n.Length + 4 < line.Length;
    }

    /// <summary>Where the regulation begins after its notice: its title line repeated (with 附件 above it), else the body.</summary>
    private static int FindRegulationStart(string[] head, int noticeLine, string title, int bodyStart)
    {
        var limit = Math.Min(bodyStart, head.Length);
        for (var i = limit - 1; i > noticeLine + 1; i--)
        {
            if (Squeeze(head[i]) != Squeeze(title)) continue;
            return i > 0 && Markers.IsAttachmentHeading(head[i - 1]) && head[i - 1].Length <= 4 ? i - 1 : i;
        }

        return limit;
    }

    internal static string Squeeze(string s) => s.Contains(' ') ? s.Replace(" ", "", StringComparison.Ordinal) : s;
}
