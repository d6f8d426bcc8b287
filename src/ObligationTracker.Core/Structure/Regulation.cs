using ObligationTracker.Core.Diagnostics;

namespace ObligationTracker.Core.Structure;

/// <summary>A parsed regulation: its metadata and its articles, over one normalised text.</summary>
/// <param name="File">The source file's name, without folders (FORMAT.md's <c>doc</c>).</param>
/// <param name="Title">The regulation's own title (not the issuing notice's), e.g. 银行保险机构数据安全管理办法.</param>
/// <param name="Issuers">Issuing bodies in the order they are named; empty where unknown.</param>
/// <param name="DocumentNumber">文号 such as 金规〔2024〕24号 or 国家金融监督管理总局令2024年第7号.</param>
/// <param name="Issued">Date of issue (成文/印发日期).</param>
/// <param name="Effective">Date it takes effect (施行/生效日期).</param>
/// <param name="Articles">Articles in document order.</param>
/// <param name="Text">The normalised text every offset refers to.</param>
/// <param name="Notice">The issuing notice (关于印发…的通知) that carries the regulation, where there is one.</param>
/// <param name="Diagnostics">What the reader and the parser found doubtful or wrong.</param>
public sealed record Regulation(
    string File,
    string Title,
    IReadOnlyList<string> Issuers,
    string? DocumentNumber,
    DateOnly? Issued,
    DateOnly? Effective,
    IReadOnlyList<Article> Articles,
    string Text,
    TextSpan? Notice,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The issuers as one display string (联合发文 joined with 、).</summary>
    public string? Issuer => Issuers.Count == 0 ? null : string.Join("、", Issuers);
}
