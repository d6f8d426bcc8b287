using System.Text.RegularExpressions;

namespace ObligationTracker.Core.Structure;

/// <summary>Issuers, document number and dates from the head lines and the closing signature of a regulation.</summary>
internal static partial class FrontMatterFields
{
    [GeneratedRegex(@"自\s*(?:(?<date>" + ChineseDate.Pattern + @")|(?<rel>公布|发布|印发|颁布|下发|签发|公告)之日)\s*起?\s*(?:施行|实施|执行|生效)")]
    private static partial Regex EffectiveRegex();

    [GeneratedRegex(@"^(?<date>" + ChineseDate.Pattern + @")\s*(?:起\s*)?(?:施行|实施|生效)$")]
    private static partial Regex EffectiveLineRegex();

    [GeneratedRegex(@"(?<place>[\u4e00-\u9fff]{2,8}?(?:省|市|自治区))第[一二三四五六七八九十]+届人民代表大会常务委员会")]
    private static partial Regex LocalCongressRegex();

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
                return DocumentNumber.Find(head[i - 1] + line);
            if (line.Length > 90 && line[0] is not ('（' or '(')) continue;
            if (title is not null && line.Contains(title, StringComparison.Ordinal) && line.Length > title.Length + 30) continue;
            if (DocumentNumber.Find(line) is { } number) return number;
        }

        return null;
    }

    /// <summary>公告 numbered 2024年第1号 on a line of its own, the issuers standing in the title: 〔issuers〕公告2024年第1号.</summary>
    public static string? FindAnnouncementNumber(string[] head, IReadOnlyList<string> issuers)
    {
        foreach (var line in head.Take(10))
            if (DocumentNumber.IsBareNumber(line))
                return string.Join(" ", issuers) + "公告" + DocumentNumber.NormaliseBrackets(line).Replace(" ", "", StringComparison.Ordinal);
        return null;
    }

    public static IReadOnlyList<string> FindIssuers(string[] head, string[] tail, string? documentNumber)
    {
        if (ValueAfterLabel(head, "发文机关") is { } labelled && IssuerNames.FindAll(labelled) is { Count: > 0 } fromLabel) return fromLabel;
        if (documentNumber is not null && (documentNumber.Contains('令') || documentNumber.Contains("公告", StringComparison.Ordinal)))
        {
            var org = documentNumber[..documentNumber.IndexOfAny(['令', '公'])];
            if (org.Length > 0 && IssuerNames.FindAll(org) is { Count: > 0 } fromOrder) return fromOrder;
        }

        if (Signature(head) is { Count: > 0 } signed) return signed;
        foreach (var line in head.Take(12))
        {
            var about = line.IndexOf("关于", StringComparison.Ordinal);
            if (about > 0 && IssuerNames.IsOnlyNames(line[..about].Trim())) return IssuerNames.FindAll(line[..about]);
        }

        if (Signature(tail) is { Count: > 0 } closing) return closing;
        foreach (var line in head)
        {
            if (line.Length > 120 || !Regex.IsMatch(line, "通过|公布|修正|修订|令")) continue;
            if (LocalCongressRegex().Match(line) is { Success: true } local) return [local.Groups["place"].Value + "人民代表大会常务委员会"];
            if (IssuerNames.FindAll(line) is { Count: > 0 } named) return named;
        }

        if (documentNumber is not null)
        {
            var bracket = documentNumber.IndexOf('〔');
            if (bracket > 0 && IssuerByPrefix.TryGetValue(documentNumber[..bracket], out var byPrefix)) return [byPrefix];
        }

        return [];
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

    public static DateOnly? FindIssued(string[] head, string[] tail)
    {
        for (var i = 0; i < head.Length; i++)
            if (head[i].Length <= 20 && ChineseDate.ParseExact(head[i]) is { } date && (i == 0 || !head[i - 1].EndsWith('：')))
                return date;

        DateOnly? latest = null;
        foreach (var line in head)
        {
            if (line.Length > 160 || !Regex.IsMatch(line, "通过|公布|修正|修订|发布|签署")) continue;
            foreach (var match in ChineseDate.FindAll(line))
            {
                var after = line.AsSpan(match.Index + match.Length).TrimStart();
                if (after.StartsWith("起") || after.StartsWith("施行") || after.StartsWith("实施")) continue;
                if (latest is null || match.Date > latest) latest = match.Date;
            }
        }

        if (latest is not null) return latest;
        if (ValueAfterLabel(head, "发布日期") is { } published && ChineseDate.FindFirst(published) is { } p) return p.Date;
        for (var i = tail.Length - 1; i >= 0; i--)
            if (tail[i].Length <= 20 && ChineseDate.ParseExact(tail[i]) is { } signed) return signed;
        return null;
    }

    public static DateOnly? FindEffective(string[] head, List<Article> articles, DateOnly? issued)
    {
        if (ValueAfterLabel(head, "生效日期") is { } labelled && ChineseDate.FindFirst(labelled) is { } l) return l.Date;
        var main = articles.Where(a => !a.InAttachment).ToList();
        for (var i = main.Count - 1; i >= Math.Max(0, main.Count - 8); i--)
            if (FromSentence(main[i].Text, issued, out var date)) return date;
        foreach (var line in head)
        {
            if (FromSentence(line, issued, out var date)) return date;
            if (EffectiveLineRegex().Match(line) is { Success: true } m && ChineseDate.FromMatch(m) is { } d) return d;
        }

        return null;
    }

    private static bool FromSentence(string text, DateOnly? issued, out DateOnly? date)
    {
        date = null;
        if (!text.Contains('自')) return false;
        var m = EffectiveRegex().Match(text);
        if (!m.Success) return false;
        date = m.Groups["rel"].Success ? issued : ChineseDate.FromMatch(m);
        return date is not null || m.Groups["rel"].Success;
    }

    /// <summary>The value of a label line (文号：…) of a web page's information block, on the same line or the next.</summary>
    private static string? ValueAfterLabel(string[] head, string label)
    {
        for (var i = 0; i < head.Length; i++)
        {
            if (!head[i].StartsWith(label, StringComparison.Ordinal)) continue;
            var rest = head[i][label.Length..].TrimStart('：', ':', ' ');
            if (rest.Length > 0) return rest;
            return i + 1 < head.Length && !head[i + 1].EndsWith('：') ? head[i + 1] : null;
        }

        return null;
    }
}
