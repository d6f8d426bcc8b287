using System.Text.RegularExpressions;

namespace ObligationTracker.Core.Structure;

/// <summary>The dates of a regulation: issued (成文/签署, 公布) and effective (施行/生效).</summary>
/// <remarks>自公布之日起施行, 自印发之日起施行 and the like make the effective date the issue date.</remarks>
internal static partial class RegulationDates
{
    [GeneratedRegex(@"自\s*(?:(?<date>" + ChineseDate.Pattern + @")|(?<rel>公布|发布|印发|颁布|下发|签发|公告)之日)\s*起?\s*(?:施行|实施|执行|生效)")]
    private static partial Regex EffectiveRegex();

    [GeneratedRegex(@"^(?<date>" + ChineseDate.Pattern + @")\s*(?:起\s*)?(?:施行|实施|生效)$")]
    private static partial Regex EffectiveLineRegex();

    [GeneratedRegex("通过|公布|修正|修订|发布|签署")]
    private static partial Regex InfoLineRegex();

    /// <summary>The date of issue: the signature's date, else the latest date of the information lines (…公布, …修订),
    /// else a labelled 发布日期, else the date the general office printed it (…印发).</summary>
    public static DateOnly? FindIssued(string[] head, string[] tail)
    {
        if (SignatureDate(head, strict: true) is { } signed) return signed;

        DateOnly? latest = null;
        foreach (var line in head)
        {
            if (line.Length > 160 || !(char.IsAsciiDigit(line[0]) || line[0] is '（' or '(') || !InfoLineRegex().IsMatch(line)) continue;
            foreach (var match in ChineseDate.FindAll(line))
            {
                var after = line.AsSpan(match.Index + match.Length).TrimStart();
                if (after.StartsWith("起") || after.StartsWith("施行") || after.StartsWith("实施")) continue;
                if (latest is null || match.Date > latest) latest = match.Date;
            }
        }

        if (latest is not null) return latest;
        if ((SignatureDate(tail, strict: true) ?? SignatureDate(head, strict: false)) is { } loose) return loose;
        if (FrontMatterFields.ValueAfterLabel(head, "发布日期") is { } published && ChineseDate.FindFirst(published) is { } p) return p.Date;
        foreach (var line in tail)
            if (line.EndsWith("印发", StringComparison.Ordinal) && ChineseDate.FindFirst(line) is { } printed) return printed.Date;
        if (SignatureDate(tail, strict: false) is { } closing) return closing;
        // An order without a signature: the date it was adopted (…经2009年10月16日行长办公会议通过，现予公布).
        foreach (var line in head)
            if (line.Contains("现予公布", StringComparison.Ordinal) || line.Contains("现予发布", StringComparison.Ordinal))
                if (ChineseDate.FindFirst(line) is { } adopted) return adopted.Date;
        return null;
    }

    /// <summary>The date of a signature line that holds it too: 行长：周小川二〇〇九年十月十六日.</summary>
    private static DateOnly? GluedSignatureDate(string line)
    {
        if (line.Length > 40) return null;
        var date = ChineseDate.FindAll(line).LastOrDefault();
        if (date.Length == 0 || date.Index == 0 || date.Index + date.Length != line.Length) return null;
        var signer = line[..date.Index].Trim();
        return FrontMatterFields.IsSignatory(signer) || IssuerNames.IsOnlyNames(signer) ? date.Date : null;
    }

    /// <summary>A line holding only a date, not a label's value; when strict, right under a signature (issuer names, 行长 …).</summary>
    private static DateOnly? SignatureDate(string[] lines, bool strict)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].EndsWith("附件", StringComparison.Ordinal) ? lines[i][..^2] : lines[i]; // 2016年12月28日附件
            if (strict && GluedSignatureDate(line) is { } glued) return glued;
            if (line.Length > 20 || ChineseDate.ParseExact(line) is not { } date) continue;
            if (i > 0 && lines[i - 1].EndsWith("日期：", StringComparison.Ordinal)) continue;
            if (!strict) return date;
            for (var j = i - 1; j >= Math.Max(0, i - 3); j--)
                if (lines[j].Length <= 40 && (IssuerNames.IsOnlyNames(lines[j]) || FrontMatterFields.SignatoryRegex().IsMatch(lines[j]))) return date;
        }

        return null;
    }

    public static DateOnly? FindEffective(string[] head, List<Article> articles, DateOnly? issued)
    {
        if (FrontMatterFields.ValueAfterLabel(head, "生效日期") is { } labelled && ChineseDate.FindFirst(labelled) is { } l) return l.Date;
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
}
