using System.Text.RegularExpressions;

namespace ObligationTracker.Core.Structure;

/// <summary>Issuers, document number and labelled values from the head lines and the closing signature of a regulation.</summary>
internal static partial class FrontMatterFields
{
    [GeneratedRegex(@"(?<place>[\u4e00-\u9fff]{2,8}?(?:省|市|自治区))第[一二三四五六七八九十]+届人民代表大会常务委员会")]
    private static partial Regex LocalCongressRegex();

    [GeneratedRegex(@"^[\u4e00-\u9fff\s]{0,16}?(?:行\s*长|局\s*长|部\s*长|署\s*长|主\s*任|主\s*席|总\s*理|会\s*长|院\s*长)[\s：:]*[\u4e00-\u9fff]{0,4}$")]
    internal static partial Regex SignatoryRegex();

    [GeneratedRegex(@"(?:令|公告)\s*(?:〔|\d{4}\s*年|第)")]
    private static partial Regex OrderKindRegex();

    [GeneratedRegex(@"《[^》]*》|〈[^〉]*〉")]
    private static partial Regex QuotedRegex();

    [GeneratedRegex(@"^本[\u4e00-\u9fff]{1,6}由(?<who>[^，。；]{2,80}?)负责(?:解释|修订)")]
    private static partial Regex InterpreterRegex();

    private static readonly Dictionary<string, string> IssuerByPrefix = new(StringComparer.Ordinal)
    {
        ["金规"] = "国家金融监督管理总局", ["金发"] = "国家金融监督管理总局", ["金办发"] = "国家金融监督管理总局办公厅",
        ["银保监发"] = "中国银行保险监督管理委员会", ["银保监规"] = "中国银行保险监督管理委员会", ["银保监办发"] = "中国银行保险监督管理委员会办公厅",
        ["银监发"] = "中国银行业监督管理委员会", ["银监办发"] = "中国银行业监督管理委员会办公厅",
        ["银发"] = "中国人民银行", ["银办发"] = "中国人民银行办公厅", ["保监发"] = "中国保险监督管理委员会",
    };

    public static string? FindDocumentNumber(string[] head, string? title)
    {
        if (ValueAfterLabel(head, "文号") is { } labelled && DocumentNumber.Find(labelled) is { } fromLabel) return fromLabel;
        for (var i = 0; i < head.Length; i++)
        {
            var line = head[i];
            if (i > 0 && DocumentNumber.IsBareNumber(line) && (head[i - 1].EndsWith('令') || head[i - 1].EndsWith("公告", StringComparison.Ordinal)))
            {
                // 中国人民银行 / 国家发展和改革委员会 / 公告 / 〔2020〕第22号: the issuers stand on the lines above.
                var first = i - 1;
                while (first > 0 && IssuerNames.IsOnlyNames(head[first - 1]) && i - first < 8) first--;
                if (DocumentNumber.Find(string.Join(" ", head[first..(i + 1)])) is { } gathered) return gathered;
            }

            if (line.Length > 90 && line[0] is not ('（' or '(')) continue;
            if (DocumentNumber.Find(line) is { } number) return number;
        }

        return null;
    }

    /// <summary>The title a web page's information block gives (标题：…, 公文名称：…).</summary>
    public static string? LabelledTitle(string[] head)
    {
        var title = ValueAfterLabel(head, "标题") ?? ValueAfterLabel(head, "公文名称");
        return title is { Length: >= 4 and <= 100 } && !Markers.EndsSentence(title) ? title : null;
    }

    /// <summary>公告 numbered 2024年第1号 on a line of its own, the issuers standing in the title: 〔issuers〕公告2024年第1号.</summary>
    public static string? FindAnnouncementNumber(string[] head, IReadOnlyList<string> issuers)
    {
        foreach (var line in head.Take(10))
            if (DocumentNumber.IsBareNumber(line))
                return string.Join(" ", issuers) + "公告" + DocumentNumber.NormaliseBrackets(line).Replace(" ", "", StringComparison.Ordinal);
        return null;
    }

    public static IReadOnlyList<string> FindIssuers(string[] head, string[] tail, string? documentNumber, List<Article> articles)
    {
        if (ValueAfterLabel(head, "发文机关") is { } labelled && IssuerNames.FindAll(labelled) is { Count: > 0 } fromLabel) return fromLabel;
        if (documentNumber is not null && (documentNumber.Contains('令') || documentNumber.Contains("公告", StringComparison.Ordinal)))
        {
            var kind = OrderKindRegex().Match(documentNumber);
            if (kind.Success && IssuerNames.FindAll(documentNumber[..kind.Index]) is { Count: > 0 } fromOrder) return fromOrder;
        }

        if (Signature(head) is { Count: > 0 } signed) return signed;
        foreach (var line in head.Take(12))
        {
            var about = line.IndexOf("关于", StringComparison.Ordinal);
            if (about > 0 && IssuerNames.IsOnlyNames(line[..about].Trim())) return IssuerNames.FindAll(line[..about]);
        }

        foreach (var line in head.Take(6))
            if (line.Length <= 80 && IssuerNames.IsOnlyNames(line)) return IssuerNames.FindAll(line);

        if (Signature(tail) is { Count: > 0 } closing) return closing;
        foreach (var line in head)
        {
            if (line.Length > 120 || !Regex.IsMatch(line, "通过|公布|修正|修订|令")) continue;
            if (LocalCongressRegex().Match(line) is { Success: true } local)
            {
                var place = local.Groups["place"].Value;
                return [place[(place.LastIndexOf('日') + 1)..] + "人民代表大会常务委员会"];
            }

            if (IssuerNames.FindAll(QuotedRegex().Replace(line, "")) is { Count: > 0 } named) return named;
        }

        if (Interpreter(articles) is { Count: > 0 } interpreter) return interpreter;

        if (documentNumber is not null)
        {
            var bracket = documentNumber.IndexOf('〔');
            if (bracket > 0 && IssuerByPrefix.TryGetValue(documentNumber[..bracket], out var byPrefix)) return [byPrefix];
        }

        return [];
    }

    /// <summary>A signatory's line: 局长 张某, 行长：易某.</summary>
    public static bool IsSignatory(string line) => line.Length <= 30 && SignatoryRegex().IsMatch(line);

    /// <summary>The body that 本办法由…负责解释: the issuer, where nothing else names it.</summary>
    private static IReadOnlyList<string>? Interpreter(List<Article> articles)
    {
        for (var i = articles.Count - 1; i >= Math.Max(0, articles.Count - 8); i--)
        {
            if (articles[i].InAttachment) continue;
            var m = InterpreterRegex().Match(articles[i].Text);
            if (m.Success && IssuerNames.IsOnlyNames(m.Groups["who"].Value)) return IssuerNames.FindAll(m.Groups["who"].Value);
        }

        return null;
    }

    /// <summary>A run of lines naming issuers only, right above a date line: the signature of a notice or rule.</summary>
    private static IReadOnlyList<string>? Signature(string[] lines)
    {
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length > 20 || ChineseDate.ParseExact(lines[i]) is null) continue;
            var first = i;
            while (first > 0 && lines[first - 1].Length <= 80 && IssuerNames.IsOnlyNames(lines[first - 1])) first--;
            if (first < i) return IssuerNames.FindAll(string.Join(" ", lines[first..i]));
        }

        return null;
    }

    /// <summary>The value of a label (文号：…) of a web page's information block: after it on the same line, up to the
    /// next label, or on the next line.</summary>
    internal static string? ValueAfterLabel(string[] head, string label)
    {
        for (var i = 0; i < head.Length; i++)
        {
            var at = head[i].IndexOf(label, StringComparison.Ordinal);
            if (at < 0 || (at > 0 && !Markers.EndsSentence(head[i].AsSpan(0, at)) && !LabelEnd(head[i], at))) continue;
            var from = at + label.Length;
            if (from >= head[i].Length || head[i][from] is not ('：' or ':')) continue;
            var rest = head[i][(from + 1)..].Trim();
            if (rest.Length > 0) return NextLabelRegex().Split(rest, 2)[0];
            return i + 1 < head.Length && !head[i + 1].EndsWith('：') ? head[i + 1] : null;
        }

        return null;
    }

    // Labels follow each other on one line when a web page's information table was flattened: …245号发文机关：中国人民银行.
    private static bool LabelEnd(string line, int at) => at > 0 && (line[at - 1] is '号' or ' ' || char.IsAsciiLetterOrDigit(line[at - 1]) || LabelBefore(line, at));

    private static bool LabelBefore(string line, int at) => line.LastIndexOf('：', at - 1) >= 0;

    [GeneratedRegex(@"(?:标题|索引号|文号|发文机关|公文种类|发布日期|生效日期|主题词|成文日期|来源|办文部门|发文日期|公文名称|主题分类)\s*[：:]")]
    private static partial Regex NextLabelRegex();
}
