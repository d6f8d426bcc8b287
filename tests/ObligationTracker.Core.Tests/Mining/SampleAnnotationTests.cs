using ObligationTracker.Core.Ingest;
using ObligationTracker.Core.Institutions;
using ObligationTracker.Core.Mining.Evaluation;
using ObligationTracker.Core.Structure;
using Xunit;

namespace ObligationTracker.Core.Tests.Mining;

/// <summary>
/// The hand annotations of corpora/samples/obligations stay usable as gold: FORMAT.md fields, canonical addressees, and
/// every quoted provision standing in the article it names, as the readers and the parser see that sample.
/// </summary>
public class SampleAnnotationTests
{
    private static readonly string[] Modalities = ["obligation", "prohibition", "permission"];
    private static readonly string[] DeadlineKinds = ["absolute", "relative", "recurring", "event", "vague"];

    private static string Samples => Path.Combine(RepoPaths.Corpora, "samples");

    public static TheoryData<string> AnnotationFiles =>
        [.. Directory.GetFiles(Path.Combine(Samples, "obligations"), "*.jsonl").Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal)];

    [Fact]
    public void Annotations_CoverAtLeastThreeSamples()
    {
        Assert.True(AnnotationFiles.Count >= 3);
    }

    [Theory]
    [MemberData(nameof(AnnotationFiles))]
    public void Annotation_EveryLine_IsWellFormedAndCanonical(string file)
    {
        var lines = ScoredLine.ReadFile(Path.Combine(Samples, "obligations", file));

        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            Assert.True(File.Exists(Path.Combine(Samples, line.Doc)), $"{line.Doc} is not a sample");
            Assert.Contains(line.Modality, Modalities);
            Assert.NotEmpty(line.Addressees);
            Assert.All(line.Addressees, a => Assert.True(InstitutionTaxonomy.Default.Contains(a), $"{a} is not a canonical name"));
            if (line.DeadlineKind is { } kind) Assert.Contains(kind, DeadlineKinds);
        }
    }

    [Theory]
    [MemberData(nameof(AnnotationFiles))]
    public void Annotation_EveryProvision_StandsInTheArticleItNames(string file)
    {
        var lines = ScoredLine.ReadFile(Path.Combine(Samples, "obligations", file));
        var doc = lines[0].Doc;
        var read = new DocumentReaders().ReadFile(Path.Combine(Samples, doc));
        Assert.True(read.Succeeded, $"{doc} was not read: {string.Join("; ", read.Diagnostics)}");
        var regulation = new RegulationParser().Parse(doc, read.Source!.Text);

        var misplaced = lines
            .Where(l => !Squeeze(l.Article == 0 ? regulation.Text : ArticleText(regulation, l.Article)).Contains(Squeeze(l.Text), StringComparison.Ordinal))
            .Select(l => $"article {l.Article}: {l.Text}")
            .ToList();
        Assert.True(misplaced.Count == 0, "not found where annotated:\n" + string.Join("\n", misplaced));
    }

    private static string ArticleText(Regulation regulation, int number) =>
        regulation.Articles.FirstOrDefault(a => a.Number == number && !a.InAttachment)?.Text ?? "";

    // Line breaks and spaces differ between formats (a PDF rejoins lines, HTML keeps <br>); the words must not.
    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
