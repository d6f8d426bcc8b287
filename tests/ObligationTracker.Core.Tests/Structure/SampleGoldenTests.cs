using System.Text.Json;
using System.Text.RegularExpressions;
using ObligationTracker.Core.Ingest;
using ObligationTracker.Core.Structure;
using Xunit;

namespace ObligationTracker.Core.Tests.Structure;

/// <summary>
/// Golden tests: each sample regulation of corpora/samples, read by its reader and parsed, against the facts written by
/// hand in corpora/samples/expected/NAME.json (see corpora/samples/README.md for the fields).
/// </summary>
public partial class SampleGoldenTests
{
    private static string SamplesFolder => Path.Combine(RepoPaths.Corpora, "samples");

    public static TheoryData<string> Samples => [.. SampleFiles()];

    [Fact]
    public void Samples_EveryFileHasExpectedFactsAndEveryExpectationHasAFile()
    {
        var samples = SampleFiles().ToHashSet();
        var expectations = Directory.GetFiles(Path.Combine(SamplesFolder, "expected"), "*.json")
            .Select(p => JsonDocument.Parse(File.ReadAllText(p)).RootElement.GetProperty("file").GetString()!)
            .ToHashSet();

        Assert.True(samples.Count >= 8, $"only {samples.Count} samples");
        Assert.Equal(samples.Order(), expectations.Order());
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void ReadAndParse_Sample_MatchesTheHandWrittenFacts(string fileName)
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(ExpectedPath(fileName)));
        var read = new DocumentReaders().ReadFile(Path.Combine(SamplesFolder, fileName));
        Assert.True(read.Succeeded, $"{fileName} was not read: {string.Join("; ", read.Diagnostics)}");

        var regulation = new RegulationParser().Parse(fileName, read.Source!.Text);

        var mismatches = Compare(expected.RootElement, regulation);
        Assert.True(mismatches.Count == 0, $"{fileName}:\n  " + string.Join("\n  ", mismatches));
    }

    private static IEnumerable<string> SampleFiles() =>
        Directory.GetFiles(SamplesFolder).Select(Path.GetFileName).Where(n => !n!.StartsWith('.') && n != "README.md")
            .Order(StringComparer.Ordinal)!;

    private static string ExpectedPath(string fileName)
    {
        // nfra_x_2026.gb18030.txt → expected/nfra_x_2026.json
        var stem = fileName.Split('.')[0];
        return Path.Combine(SamplesFolder, "expected", stem + ".json");
    }

    private static List<string> Compare(JsonElement expected, Regulation actual)
    {
        var errors = new List<string>();
        void Check(string what, string? want, string? got)
        {
            if (want != got) errors.Add($"{what}: expected {Show(want)}, got {Show(got)}");
        }

        Check("title", Str(expected, "title"), actual.Title);
        Check("issuers", string.Join("|", expected.GetProperty("issuers").EnumerateArray().Select(e => e.GetString())), string.Join("|", actual.Issuers));
        Check("documentNumber", Str(expected, "documentNumber"), actual.DocumentNumber);
        Check("issued", Str(expected, "issued"), actual.Issued?.ToString("yyyy-MM-dd"));
        Check("effective", Str(expected, "effective"), actual.Effective?.ToString("yyyy-MM-dd"));
        Check("hasNotice", expected.GetProperty("hasNotice").GetBoolean().ToString(), (actual.Notice is not null).ToString());

        var body = actual.Articles.Where(a => !a.InAttachment).ToList();
        Check("article count", expected.GetProperty("articleCount").GetInt32().ToString(), body.Count.ToString());
        Check("article numbers", "1.." + expected.GetProperty("articleCount").GetInt32(),
            body.Select((a, i) => a.Number == i + 1).All(ok => ok) ? "1.." + body.Count : string.Join(",", body.Select(a => a.Number)));

        foreach (var want in expected.GetProperty("articles").EnumerateArray())
        {
            var number = want.GetProperty("number").GetInt32();
            var article = body.FirstOrDefault(a => a.Number == number);
            if (article is null)
            {
                errors.Add($"article {number}: missing");
                continue;
            }

            CompareArticle(want, article, (what, w, g) => Check($"article {number} {what}", w, g));
        }

        return errors;
    }

    private static void CompareArticle(JsonElement want, Article article, Action<string, string?, string?> check)
    {
        if (want.TryGetProperty("heading", out var heading)) check("heading", heading.GetString(), article.Heading);
        // Headings are compared without white space: 第一章 总 则 and 第一章　总　则 name the same chapter.
        if (want.TryGetProperty("chapter", out var chapter)) check("chapter", NoSpace(chapter.GetString()), NoSpace(article.Chapter));
        if (want.TryGetProperty("section", out var section)) check("section", NoSpace(section.GetString()), NoSpace(article.Section));
        if (want.TryGetProperty("paragraphCount", out var count))
            check("paragraph count", count.GetInt32().ToString(), article.Paragraphs.Count.ToString());
        foreach (var part in want.TryGetProperty("contains", out var contains) ? contains.EnumerateArray() : default)
            if (!article.Text.Contains(part.GetString()!, StringComparison.Ordinal))
                check("text", $"…{part.GetString()}…", article.Text);

        var index = want.TryGetProperty("paragraph", out var p) ? p.GetInt32() : 0;
        var paragraph = index < article.Paragraphs.Count ? article.Paragraphs[index] : null;
        if (want.TryGetProperty("text", out var text))
            check($"paragraph {index}", text.GetString(), paragraph?.Text);
        if (want.TryGetProperty("lead", out var lead) && paragraph?.Text.StartsWith(lead.GetString()!, StringComparison.Ordinal) != true)
            check($"paragraph {index} start", lead.GetString() + "…", paragraph?.Text);
        if (want.TryGetProperty("items", out var items))
            check($"paragraph {index} items", string.Join("|", items.EnumerateArray().Select(i => i.GetString())),
                paragraph is null ? null : string.Join("|", paragraph.Items.Select(i => i.Text)));
    }

    private static string? Str(JsonElement e, string name) => e.GetProperty(name).GetString();

    private static string? NoSpace(string? s) => s is null ? null : WhiteSpace().Replace(s, "");

    private static string Show(string? s) => s is null ? "null" : $"「{s}」";

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
