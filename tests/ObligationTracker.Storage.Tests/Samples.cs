using ObligationTracker.Core.Mining;
using ObligationTracker.Core.Register;
using ObligationTracker.Core.Structure;

namespace ObligationTracker.Storage.Tests;

/// <summary>Regulations and obligations written for these tests (no text of real regulations).</summary>
internal static class Samples
{
    public static Regulation Regulation(string? documentNumber, string articleText, string title = "示例监管评级办法", DateOnly? effective = null) => new(
        File: "sample.md",
        Title: title,
        Issuers: ["国家金融监督管理总局"],
        DocumentNumber: documentNumber,
        Issued: new DateOnly(2026, 1, 5),
        Effective: effective ?? new DateOnly(2026, 2, 1),
        Articles: [new Article(1, "第一条", "第一章 总则", null, [new Paragraph(articleText, 14, [])], new TextSpan(10, 9))],
        Text: "示例监管评级办法\n第一章 总则\n第一条 " + articleText,
        Notice: null,
        Diagnostics: []);

    /// <summary>A regulation whose articles are the given texts, numbered from 1.</summary>
    public static Regulation WithArticles(string file, string title, string documentNumber, DateOnly effective, params string[] articles)
    {
        var list = articles.Select((t, i) => new Article(i + 1, $"第{i + 1}条", null, null, [new Paragraph(t, 0, [])], new TextSpan(0, t.Length))).ToList();
        return new Regulation(file, title, ["国家金融监督管理总局"], documentNumber, new DateOnly(2025, 12, 1), effective, list,
            string.Join("\n", articles), null, []);
    }

    public static Obligation Obligation(string doc, int article, int seq, string text, params string[] addressees) =>
        new($"{doc}#{article}.{seq}", doc, article, text, 0, Modality.Obligation, addressees, null, [], []);

    public static RegulationScope Scope(params string[] types) => new(types, [], true);
}
