using ObligationTracker.Core.Mining;
using ObligationTracker.Core.Mining.Evaluation;
using ObligationTracker.Core.Pipeline;
using Xunit;

namespace ObligationTracker.Core.Tests.Mining;

/// <summary>The extractor scored against our own hand annotations of corpora/samples (written independently of the rules).</summary>
public class SampleObligationScoresTests
{
    private static readonly Lazy<ObligationScores> Scores = new(() =>
    {
        var folder = Path.Combine(RepoPaths.Corpora, "samples");
        var gold = Directory.EnumerateFiles(Path.Combine(folder, "obligations"), "*.jsonl").SelectMany(ScoredLine.ReadFile).ToList();
        var loader = new RegulationLoader();
        var system = gold.Select(g => g.Doc).Distinct()
            .Select(doc => loader.Load(Path.Combine(folder, doc)).Regulation!)
            .SelectMany(ObligationExtractor.Default.Extract)
            .Select(o => ScoredLine.Parse(ObligationJson.ToJsonLine(o)))
            .ToList();
        return ObligationEvaluator.Evaluate(gold, system).Aggregate(ObligationScores.Empty, (a, e) => a + e.Scores);
    });

    [Fact]
    public void Samples_Provisions_F1AtLeast095()
    {
        Assert.True(Scores.Value.Provisions.F1 >= 0.95, $"provision F1 {Scores.Value.Provisions.F1:F3}");
    }

    [Fact]
    public void Samples_Modality_AccuracyAtLeast095()
    {
        Assert.True(Scores.Value.Modality.Value >= 0.95, $"modality {Scores.Value.Modality.Value:F3}");
    }

    [Fact]
    public void Samples_Addressees_F1AtLeast090()
    {
        Assert.True(Scores.Value.Addressees.F1 >= 0.90, $"addressee F1 {Scores.Value.Addressees.F1:F3}");
    }

    [Fact]
    public void Samples_Deadlines_F1AndExactAtLeast090()
    {
        Assert.True(Scores.Value.Deadlines.F1 >= 0.90 && Scores.Value.DeadlineExact.Value >= 0.90,
            $"deadline F1 {Scores.Value.Deadlines.F1:F3}, exact {Scores.Value.DeadlineExact.Value:F3}");
    }
}
