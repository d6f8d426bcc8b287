using System.Globalization;
using System.Text.Json;
using ObligationTracker.Core.Mining;
using ObligationTracker.Core.Mining.Evaluation;
using ObligationTracker.Core.Pipeline;
using ObligationTracker.Core.Structure;

namespace ObligationTracker.Tools;

/// <summary>
/// <c>evaluate</c>: scores obligation lines against gold exactly as FORMAT.md's Scoring section defines. Either give system
/// output (a JSONL file or a folder of them), or let the verb run the extractor on the gold documents' texts.
/// </summary>
internal sealed class EvaluateVerb : IToolVerb
{
    public string Name => "evaluate";

    public string Summary => "score obligations against gold: evaluate [--gold DIR] [--corpus DIR | SYSTEM.jsonl|DIR] [--details]";

    public Task<int> RunAsync(string[] args)
    {
        string? gold = null, corpus = null, system = null, only = null;
        var details = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--gold": gold = args[++i]; break;
                case "--corpus": corpus = args[++i]; break;
                case "--details": details = true; break;
                case "--doc": only = args[++i]; break;
                default: system = args[i]; break;
            }
        }

        gold ??= Path.Combine(RepoPaths.SharedEval, "gold");
        var goldLines = JsonlFiles(gold).SelectMany(ScoredLine.ReadFile).Where(l => only is null || l.Doc.Contains(only, StringComparison.Ordinal)).ToList();
        IReadOnlyList<ScoredLine> systemLines;
        if (system is not null)
        {
            systemLines = JsonlFiles(system).SelectMany(ScoredLine.ReadFile).ToList();
        }
        else
        {
            corpus ??= RepoPaths.SharedRegulations;
            var loader = new RegulationLoader();
            systemLines = goldLines.Select(g => g.Doc).Distinct()
                .Select(doc => loader.Load(Path.Combine(corpus, doc)).Regulation)
                .OfType<Regulation>()
                .SelectMany(ObligationExtractor.Default.Extract)
                .Select(o => ScoredLine.Parse(ObligationJson.ToJsonLine(o)))
                .ToList();
        }

        var evaluations = ObligationEvaluator.Evaluate(goldLines, systemLines);
        var total = evaluations.Aggregate(ObligationScores.Empty, (acc, e) => acc + e.Scores);
        Console.WriteLine($"{"document",-62} {"prov P",7} {"prov R",7} {"prov F1",7} {"modal",7} {"addr P",7} {"addr R",7} {"addr F1",7} {"dl P",7} {"dl R",7} {"dl F1",7} {"kind",7} {"exact",7}");
        foreach (var e in evaluations) Console.WriteLine(Row(e.Doc, e.Scores));
        Console.WriteLine(Row("ALL", total));
        Console.WriteLine();
        Console.WriteLine($"gold lines {goldLines.Count}, system lines {systemLines.Count}, matched {total.Provisions.TruePositives}");
        Console.WriteLine("targets: provision F1 ≥ 0.98, modality ≥ 0.99, addressee F1 ≥ 0.95, deadline F1 ≥ 0.95, kind ≥ 0.93, exact ≥ 0.90");
        if (details) PrintDetails(evaluations);
        return Task.FromResult(0);
    }

    private static string Row(string name, ObligationScores s) => string.Create(CultureInfo.InvariantCulture,
        $"{name,-62} {s.Provisions.Precision,7:F3} {s.Provisions.Recall,7:F3} {s.Provisions.F1,7:F3} {s.Modality.Value,7:F3} {s.Addressees.Precision,7:F3} {s.Addressees.Recall,7:F3} {s.Addressees.F1,7:F3} {s.Deadlines.Precision,7:F3} {s.Deadlines.Recall,7:F3} {s.Deadlines.F1,7:F3} {s.DeadlineKind.Value,7:F3} {s.DeadlineExact.Value,7:F3}");

    private static void PrintDetails(IReadOnlyList<DocumentEvaluation> evaluations)
    {
        foreach (var e in evaluations)
        {
            Console.WriteLine($"\n=== {e.Doc}");
            foreach (var g in e.MissedGold) Console.WriteLine($"MISS  a{g.Article} {g.Modality} [{string.Join(",", g.Addressees)}] {g.Text}");
            foreach (var s in e.SpuriousSystem) Console.WriteLine($"EXTRA a{s.Article} {s.Modality} [{string.Join(",", s.Addressees)}] {s.Text}");
            foreach (var (g, s) in e.Pairs)
            {
                if (g.Modality != s.Modality) Console.WriteLine($"MODAL a{g.Article} gold={g.Modality} sys={s.Modality} {g.Text}");
                if (!g.Addressees.SetEquals(s.Addressees))
                    Console.WriteLine($"ADDR  a{g.Article} gold=[{string.Join(",", g.Addressees.Order())}] sys=[{string.Join(",", s.Addressees.Order())}] {g.Text}");
                if (g.DeadlineKey != s.DeadlineKey)
                    Console.WriteLine($"DEAD  a{g.Article} gold={g.Deadline?.ToJsonString(JsonOptions) ?? "null"} sys={s.Deadline?.ToJsonString(JsonOptions) ?? "null"} {g.Text}");
            }
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static IEnumerable<string> JsonlFiles(string path) =>
        Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.jsonl").Order(StringComparer.Ordinal) : [path];
}
