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
            else if (!args[i].StartsWith("--", StringComparison.Ordinal)) folder = args[i];
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
        var bestCpu = double.MaxValue;
        using var process = Process.GetCurrentProcess();
        for (var r = 0; r < rounds; r++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            foreach (var regulation in regulations) extractor.Extract(regulation);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalSeconds);
        }

        var mb = bytes / 1_000_000.0;
        if (args.Contains("--breakdown")) Breakdown(regulations);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{regulations.Count} regulations, {mb:F2} MB, {count} obligations; best of {rounds} rounds {best * 1000:F0} ms → {mb / best:F1} MB/s wall, {mb / bestCpu:F1} MB/s of CPU time (target ≥ 5; wall time suffers on a loaded machine)"));
        return Task.FromResult(0);
    }

    // Where the time goes: cutting units, markers, deadlines (each over every unit of every regulation).
    private static void Breakdown(List<Regulation> regulations)
    {
        for (var warm = 0; warm < 3; warm++) Stages(regulations, print: warm == 2);
    }

    private static void Stages(List<Regulation> regulations, bool print)
    {
        var perDoc = regulations.Select(r =>
        {
            var w = Stopwatch.StartNew();
            ObligationExtractor.Default.Extract(r);
            return (r.File, w.Elapsed.TotalMilliseconds);
        }).OrderByDescending(x => x.TotalMilliseconds).Take(3);
        foreach (var (file, ms) in perDoc) if (print) Console.WriteLine($"slowest   {ms,6:F0} ms {file}");

        var watch = Stopwatch.StartNew();
        var units = regulations.SelectMany(r => r.Articles).SelectMany(a => ObligationTracker.Core.Mining.Rules.ProvisionSplitter.Split(a)).ToList();
        if (print) Console.WriteLine($"split     {watch.ElapsedMilliseconds} ms ({units.Count} units)");
        watch.Restart();
        var markers = units.Select(u => ObligationTracker.Core.Mining.Rules.ModalityClassifier.Markers(u.Analysed)).ToList();
        if (print) Console.WriteLine($"markers   {watch.ElapsedMilliseconds} ms");
        watch.Restart();
        foreach (var u in units) ObligationTracker.Core.Mining.Deadlines.DeadlineParser.Default.Parse(u.Analysed, u.Analysed.Length / 3);
        if (print) Console.WriteLine($"deadlines {watch.ElapsedMilliseconds} ms");
        watch.Restart();
        foreach (var u in units) ObligationTracker.Core.Mining.Rules.NonNormativeFilter.IsExcluded(u.Analysed);
        if (print) Console.WriteLine($"filter    {watch.ElapsedMilliseconds} ms");
        watch.Restart();
        foreach (var r in regulations)
            ObligationTracker.Core.Mining.Addressees.AddresseeContext.Build(
                r.Articles.Select(a => ObligationTracker.Core.Mining.Rules.ProvisionSplitter.Split(a)).ToList(),
                ObligationTracker.Core.Institutions.InstitutionTaxonomy.Default, ObligationTracker.Core.Mining.Addressees.PartyLexicon.Default);
        if (print) Console.WriteLine($"context   {watch.ElapsedMilliseconds} ms");
        watch.Restart();
        foreach (var u in units) ObligationTracker.Core.Mining.Addressees.PartyLexicon.Default.FindAll(u.Analysed);
        if (print) Console.WriteLine($"mentions  {watch.ElapsedMilliseconds} ms");
        foreach (var rule in ObligationTracker.Core.Mining.Deadlines.DeadlineParser.Default.Rules)
        {
            watch.Restart();
            foreach (var u in units) rule.Match(new ObligationTracker.Core.Mining.Deadlines.DeadlineInput(u.Analysed, u.Analysed.Length / 3));
            if (print) Console.WriteLine($"  {rule.GetType().Name,-24} {watch.ElapsedMilliseconds} ms");
        }
    }

    private static Regulation Parse(string fileName, string text) => new RegulationParser().Parse(fileName, text);
}
