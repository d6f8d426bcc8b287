using System.Diagnostics;
using System.Globalization;
using System.Text;
using ObligationTracker.Core.Mining;
using ObligationTracker.Core.Structure;

namespace ObligationTracker.Tools;

/// <summary><c>bench-extract [DIR] [--rounds N]</c>: obligation extraction throughput, in MB/s of UTF-8 text, after parsing.</summary>
internal sealed class BenchExtractVerb : IToolVerb
{
    public string Name => "bench-extract";

    public string Summary => "extraction throughput after parsing (MB/s, target ≥ 5): bench-extract [DIR] [--rounds N]";

    public Task<int> RunAsync(string[] args)
    {
        var folder = RepoPaths.SharedRegulations;
        var rounds = 5;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--rounds") rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else folder = args[i];
        }

        var regulations = new List<Regulation>();
        long bytes = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal);
            regulations.Add(Parse(Path.GetFileName(file), text));
            bytes += Encoding.UTF8.GetByteCount(text);
        }

        var extractor = ObligationExtractor.Default;
        var count = regulations.Sum(r => extractor.Extract(r).Count); // warm-up, and the count to print
        var best = double.MaxValue;
        for (var r = 0; r < rounds; r++)
        {
            var watch = Stopwatch.StartNew();
            foreach (var regulation in regulations) extractor.Extract(regulation);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        var mb = bytes / 1_000_000.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{regulations.Count} regulations, {mb:F2} MB, {count} obligations; best of {rounds} rounds {best * 1000:F0} ms → {mb / best:F1} MB/s (target ≥ 5)"));
        return Task.FromResult(0);
    }

    private static Regulation Parse(string fileName, string text) =>
        ObligationExtractor.ReadArticles(fileName, text);
}
