using System.Diagnostics;
using System.Text;
using ObligationTracker.Core.Structure;

namespace ObligationTracker.Tools;

/// <summary><c>bench-parse [--mb N] [DIR|FILE...]</c>: structure-parse throughput on one thread, in MB (UTF-8) of normalised text per second.</summary>
internal sealed class BenchParseVerb : IToolVerb
{
    public string Name => "bench-parse";

    public string Summary => "RegulationParser throughput on one core over the shared corpus, repeated to >= 50 MB (--mb N to change).";

    public Task<int> RunAsync(string[] args)
    {
        var mbIndex = Array.IndexOf(args, "--mb");
        var targetMb = mbIndex >= 0 && mbIndex + 1 < args.Length ? double.Parse(args[mbIndex + 1], System.Globalization.CultureInfo.InvariantCulture) : 50;
        var rest = mbIndex >= 0 ? args.Where((_, i) => i != mbIndex && i != mbIndex + 1).ToArray() : args;
        var texts = CorpusFiles.Resolve(rest).Select(f => (Name: f, Text: CorpusText.ReadNormalised(f))).ToList();
        var corpusBytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t.Text));
        var parser = new RegulationParser();

        var articles = 0;
        foreach (var (name, text) in texts) articles += parser.Parse(name, text).Articles.Count; // warm-up (JIT, regexes)

        var passes = (int)Math.Ceiling(targetMb * 1024 * 1024 / corpusBytes);
        var best = TimeSpan.MaxValue;
        var watch = Stopwatch.StartNew();
        for (var pass = 0; pass < passes; pass++)
        {
            var passStart = watch.Elapsed;
            foreach (var (name, text) in texts)
                articles += parser.Parse(name, text).Articles.Count;
            var passTime = watch.Elapsed - passStart;
            if (passTime < best) best = passTime;
        }

        watch.Stop();

        var mb = (double)corpusBytes * passes / (1024 * 1024);
        var corpusMb = corpusBytes / 1024.0 / 1024.0;
        Console.WriteLine($"corpus: {texts.Count} files, {corpusMb:F2} MB UTF-8 normalised text; {passes} passes = {mb:F1} MB, {articles} articles parsed");
        Console.WriteLine($"load average: {MachineLoad.Averages()} on {Environment.ProcessorCount} cores (the machine is shared: the best pass shows the parser, the overall figure the machine)");
        Console.WriteLine($"bench-parse: {mb / watch.Elapsed.TotalSeconds:F1} MB/s overall on one thread ({watch.Elapsed.TotalSeconds:F2} s, "
            + $"{texts.Count * passes / watch.Elapsed.TotalSeconds:F0} documents/s); best pass {corpusMb / best.TotalSeconds:F1} MB/s");
        return Task.FromResult(0);
    }
}
