using ObligationTracker.Core.Diagnostics;
using ObligationTracker.Core.Ingest;
using ObligationTracker.Core.Pipeline;
using ObligationTracker.Core.Structure;
using Xunit;

namespace ObligationTracker.Core.Tests.Ingest;

public class SourceManifestTests
{
    // Columns in another order than the shared corpus's, and one the reader does not know.
    private const string Manifest = """
        file	doc_number	title	issuer	date	source
        a.md	银发〔2099〕12号（未核实）	某某办法	人民银行 银保监会	2099-03-01 (最新修订/修正日期)	web
        b.md	首次公布：中华人民共和国国务院令第999号	某某条例	国务院	2098	web
        c.md	中国人民银行公告 (2097) 第6号	某某规则		2097-13-45	web
        	金规〔2099〕1号	无名	国务院	2099-01-01	web
        a.md	银发〔2099〕13号	重复	国务院	2099-01-01	web
        """;

    private static SourceManifest Parse() => SourceManifest.Parse("/corpus/MANIFEST.tsv", Manifest);

    [Fact]
    public void Parse_Rows_TakesNotesAndLabelsOffTheValues()
    {
        var manifest = Parse();

        var a = manifest.For("a.md")!;
        Assert.Equal(("银发〔2099〕12号", new DateOnly(2099, 3, 1), 2), (a.DocumentNumber, a.Date, a.Line));
        Assert.Equal(["人民银行", "银保监会"], a.Issuers);
        Assert.Equal(["最新修订/修正日期", "未核实"], a.Notes.Order(StringComparer.Ordinal));
        Assert.Equal("中华人民共和国国务院令第999号", manifest.For("/elsewhere/b.md")!.DocumentNumber);
        Assert.Null(manifest.For("b.md")!.Date); // a year alone dates nothing
        Assert.Equal("中国人民银行公告〔2097〕第6号", manifest.For("c.md")!.DocumentNumber);
    }

    [Fact]
    public void Parse_BadRows_WarnsWithManifestAndLineAndKeepsTheOthers()
    {
        var manifest = Parse();

        Assert.Equal(["a.md", "b.md", "c.md"], manifest.Entries.Select(e => e.File));
        Assert.All(manifest.Diagnostics, d => Assert.Equal((DiagnosticSeverity.Warning, DiagnosticCodes.ManifestRow, "/corpus/MANIFEST.tsv"), (d.Severity, d.Code, d.File)));
        Assert.Equal([4, 5, 6], manifest.Diagnostics.Select(d => d.Line ?? 0));
        Assert.Contains("2097-13-45", manifest.Diagnostics[0].Message);
        Assert.Contains("line 2", manifest.Diagnostics[2].Message); // the repeated file names its first row
    }

    [Fact]
    public void Parse_NoFileColumn_WarnsAndMatchesNothing()
    {
        var manifest = SourceManifest.Parse("m.tsv", "name\tdoc_number\na.md\t银发〔2099〕12号\n");

        Assert.Null(manifest.For("a.md"));
        Assert.Equal(1, Assert.Single(manifest.Diagnostics).Line);
    }

    [Fact]
    public void Complete_TextWithoutNumberOrIssuer_TakesThemFromTheRow()
    {
        var regulation = new RegulationParser().Parse("a.md", "某某办法\n第一条 银行应当报告。\n");

        var completed = Parse().Complete(regulation);

        Assert.Null(regulation.DocumentNumber);
        Assert.Equal("银发〔2099〕12号", completed.DocumentNumber);
        Assert.Equal(["中国人民银行", "中国银行保险监督管理委员会"], completed.Issuers);
        Assert.Equal(new DateOnly(2099, 3, 1), completed.Issued);
        Assert.Equal(regulation.Articles, completed.Articles);
    }

    [Fact]
    public void Complete_TextStatesItsOwnNumber_TheTextWins()
    {
        var regulation = new RegulationParser().Parse("a.md", "某某办法\n（银发〔2099〕77号）\n第一条 银行应当报告。\n");

        var completed = Parse().Complete(regulation);

        Assert.Equal("银发〔2099〕77号", completed.DocumentNumber);
    }

    [Fact]
    public void Load_FileBesideAManifest_IsCompletedAndTheManifestsWarningsReportedOnce()
    {
        var folder = Directory.CreateTempSubdirectory("ot-manifest-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, SourceManifest.FileName), Manifest);
            File.WriteAllText(Path.Combine(folder, "a.md"), "某某办法\n第一条 银行应当报告。\n");
            File.WriteAllText(Path.Combine(folder, "c.md"), "某某规则\n第一条 银行应当报告。\n");
            var loader = new RegulationLoader();

            var a = loader.Load(Path.Combine(folder, "a.md"));
            var c = loader.Load(Path.Combine(folder, "c.md"));

            Assert.Equal("银发〔2099〕12号", a.Regulation!.DocumentNumber);
            Assert.Equal("中国人民银行公告〔2097〕第6号", c.Regulation!.DocumentNumber);
            Assert.Equal(3, a.Diagnostics.Count(d => d.Code == DiagnosticCodes.ManifestRow));
            Assert.DoesNotContain(c.Diagnostics, d => d.Code == DiagnosticCodes.ManifestRow);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
