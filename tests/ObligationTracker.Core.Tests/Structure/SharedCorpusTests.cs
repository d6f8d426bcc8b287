using ObligationTracker.Core.Diagnostics;
using ObligationTracker.Core.Structure;
using Xunit;
using Xunit.Abstractions;

namespace ObligationTracker.Core.Tests.Structure;

/// <summary>The parser on every real regulation of the shared corpus (read at run time, never copied), against MANIFEST.tsv.</summary>
public class SharedCorpusTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<(string File, Regulation Regulation)>> Parsed = new(() =>
        Directory.EnumerateFiles(RepoPaths.SharedRegulations, "*.md")
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), new RegulationParser().Parse(f, CorpusText.ReadNormalised(f))))
            .ToList());

    [Fact]
    public void Parse_EveryRegulation_NumbersArticlesOneToNOrDiagnosesTheGap()
    {
        Assert.True(Parsed.Value.Count >= 100, $"only {Parsed.Value.Count} regulations found in {RepoPaths.SharedRegulations}");
        var failures = new List<string>();
        foreach (var (file, r) in Parsed.Value)
        {
            var main = r.Articles.Where(a => !a.InAttachment).ToList();
            var diagnosed = r.Diagnostics.Any(d => d.Code is DiagnosticCodes.ArticleGap or DiagnosticCodes.ArticleDuplicate);
            if (main.Count == 0) failures.Add($"{file}: no articles");
            else if (!IsNumberedOneToN(main) && !diagnosed)
                failures.Add($"{file}: {string.Join(",", main.Select(a => a.Number))} without a diagnostic");
        }

        Assert.True(failures.Count == 0, "numbering not 1..N and not diagnosed:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void Parse_EveryRegulation_NumbersNoTwoBodyArticlesAlikeUnlessDiagnosed()
    {
        var failures = new List<string>();
        foreach (var (file, r) in Parsed.Value)
        {
            var repeated = r.Articles.Where(a => !a.InAttachment).GroupBy(a => a.Number).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            if (repeated.Count > 0 && !r.Diagnostics.Any(d => d.Code == DiagnosticCodes.ArticleDuplicate))
                failures.Add($"{file}: {string.Join(",", repeated)} twice");
        }

        Assert.True(failures.Count == 0, "article numbers repeated (their keys would collide):\n" + string.Join("\n", failures));
    }

    [Fact]
    public void Parse_EveryRegulation_GivesOffsetsThatPointAtTheText()
    {
        var failures = new List<string>();
        foreach (var (file, r) in Parsed.Value)
        foreach (var a in r.Articles)
        {
            if (!r.Text.AsSpan(a.Span.Start, a.Span.Length).StartsWith(a.Heading, StringComparison.Ordinal))
                failures.Add($"{file} {a.Heading}: span does not start with the heading");
            foreach (var p in a.Paragraphs)
            {
                if (r.Text.Substring(p.Start, p.Text.Length) != p.Text) failures.Add($"{file} {a.Heading}: paragraph at {p.Start}");
                foreach (var i in p.Items.Concat(p.Items.SelectMany(i => i.SubItems)))
                    if (r.Text.Substring(i.Start, i.Text.Length) != i.Text) failures.Add($"{file} {a.Heading}: item {i.Marker} at {i.Start}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
    }

    [Fact]
    public void Parse_EveryRegulation_AgreesWithTheManifest()
    {
        var rows = RegulationManifest.Read(Path.Combine(RepoPaths.SharedRegulations, "MANIFEST.tsv"));
        var byFile = Parsed.Value.ToDictionary(p => p.File, p => p.Regulation);
        int titles = 0, issuers = 0, issuerRows = 0, numbers = 0, numberRows = 0, dates = 0, dateRows = 0;
        var misses = new List<string>();
        foreach (var row in rows)
        {
            var r = byFile[row.File];
            if (ManifestRow.Canonical(r.Title) == ManifestRow.Canonical(row.Title)) titles++;
            else misses.Add($"title {row.File}: {r.Title} ≠ {row.Title}");

            if (!row.Issuers.Any(i => i.Contains('等')))
            {
                issuerRows++;
                if (r.Issuers.Order().SequenceEqual(row.Issuers.Select(IssuerNames.ToFullName).Order())) issuers++;
                else misses.Add($"issuer {row.File}: {r.Issuer} ≠ {string.Join(" ", row.Issuers)}");
            }

            // Only numbers the text holds can be found in it; several rows give a number the text never states.
            if (row.DocumentNumber is not null
                && ManifestRow.Canonical(DocumentNumber.NormaliseBrackets(r.Text)).Contains(ManifestRow.Canonical(row.DocumentNumber), StringComparison.Ordinal))
            {
                numberRows++;
                if (ManifestRow.Canonical(r.DocumentNumber) == ManifestRow.Canonical(row.DocumentNumber)) numbers++;
                else misses.Add($"number {row.File}: {r.DocumentNumber} ≠ {row.DocumentNumber}");
            }

            if (row.Date is not null)
            {
                dateRows++;
                if (r.Issued == row.Date) dates++;
                else misses.Add($"date {row.File}: {r.Issued} ≠ {row.Date}");
            }
        }

        var summary = $"title {titles}/{rows.Count}, issuer {issuers}/{issuerRows}, document number {numbers}/{numberRows} (rows whose text holds it), issue date {dates}/{dateRows}";
        output.WriteLine(summary);
        foreach (var miss in misses) output.WriteLine(miss);
        var report = summary + "\n" + string.Join("\n", misses);
        Assert.True(titles >= rows.Count * 0.98, report);
        Assert.True(numbers >= numberRows * 0.95, report);
        Assert.True(issuers >= issuerRows * 0.90, report);
        Assert.True(dates >= dateRows * 0.70, report);
    }

    /// <summary>1..N, where points (一、) may start again at 1 under each new chapter.</summary>
    private static bool IsNumberedOneToN(List<Article> articles)
    {
        var expected = 1;
        string? chapter = null;
        foreach (var a in articles)
        {
            if (a.Number == 1 && a.Heading.EndsWith('、') && a.Chapter != chapter) expected = 1;
            if (a.Number != expected) return false;
            expected++;
            chapter = a.Chapter;
        }

        return true;
    }
}
