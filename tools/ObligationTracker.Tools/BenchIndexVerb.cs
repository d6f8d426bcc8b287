using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Util;
using ObligationTracker.Core.Structure;
using ObligationTracker.Search.Indexing;
using static ObligationTracker.Tools.ToolArgs;

namespace ObligationTracker.Tools;

/// <summary><c>bench-index [--mb 100] [--dir PATH] [--no-smartcn] [--smartcn-mb N] [--no-provisions] [--workstation-gc]</c>: indexes the real corpus replicated to at least
/// --mb megabytes of text (UTF-8) and prints MB/s end to end (analysis, indexing, commit, merges) and peak memory;
/// then indexes the same articles with SmartChineseAnalyzer on the same cores for comparison.</summary>
internal sealed class BenchIndexVerb : IToolVerb
{
    public string Name => "bench-index";

    public string Summary => "Index the corpus replicated to >= 100 MB: MB/s end to end and peak memory, ours beside SmartCn.";

    public async Task<int> RunAsync(string[] args)
    {
        // Indexing runs inside `ot` (ingest, serve), which uses the server GC; the other tools keep the workstation GC their
        // latency figures were taken with (all of them tier up as `ot` does, from the runtimeconfig). So this verb measures
        // in a child process with the server GC.
        if (!System.Runtime.GCSettings.IsServerGC && !args.Contains("--workstation-gc"))
            return await RunWithServerGc(args);
        return Run(args);
    }

    private static async Task<int> RunWithServerGc(string[] args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        foreach (var arg in Environment.GetCommandLineArgs().Skip(1)) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_gcServer"] = "1";
        using var child = Process.Start(start)!;
        await child.WaitForExitAsync();
        return child.ExitCode;
    }

    private static int Run(string[] args)
    {
        var megabytes = double.Parse(Option(args, "--mb") ?? "100", CultureInfo.InvariantCulture);
        var dir = BenchIndexFolder.Of(args);
        var parse = Stopwatch.StartNew();
        var corpus = CorpusRegulations.Load([]);
        parse.Stop();
        var corpusBytes = corpus.Sum(Bytes);
        var copies = (int)Math.Ceiling(megabytes * 1_000_000 / corpusBytes);
        // Mined once, outside the timing (mining has its own benchmark, bench-extract): indexing writes each article's
        // document and one per obligation, as ingest does.
        var mining = Stopwatch.StartNew();
        var mined = CorpusRegulations.Mined(corpus);
        if (args.Contains("--no-provisions")) // the same tags, without the provisions' documents: what they cost
            mined = [.. mined.Select(u => new RegulationUpdate(u.Regulation, u.Version, u.Status, a => u.Tags!(a) with { Provisions = [] }))];
        mining.Stop();
        var provisions = mined.Sum(u => u.Regulation.Articles.Sum(a => u.Tags!(a).Provisions.Count));
        Console.WriteLine($"obligations mined in {mining.Elapsed.TotalSeconds:0.0} s (not timed below): {provisions} provisions, indexed as documents beside the articles");
        var replicated = Replicate(mined, copies);
        var totalBytes = corpusBytes * copies;
        var mb = totalBytes / 1_000_000.0;
        Console.WriteLine($"corpus: {corpus.Count} regulations, {corpusBytes / 1e6:0.00} MB of article text, parsed in {parse.Elapsed.TotalSeconds:0.00} s "
            + $"({corpusBytes / 1e6 / parse.Elapsed.TotalSeconds:0.0} MB/s); replicated x{copies} = {mb:0.0} MB, "
            + $"{corpus.Sum(r => r.Articles.Count) * copies} articles; {Environment.ProcessorCount} cores");

        if (Directory.Exists(dir)) Directory.Delete(dir, true);
        GC.Collect();
        var pauses = GC.GetTotalPauseDuration();
        var contentions = Monitor.LockContentionCount;
        var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var ours = Stopwatch.StartNew();
        var ram = double.Parse(Option(args, "--ram-mb") ?? ArticleIndex.DefaultRamBufferMegabytes.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        // Phases timed apart (wall and process CPU): on idle cores, analysis and inversion run on every core while the
        // final flush of the commit and the close (waiting for merges) are largely serial.
        var phases = new List<string>();
        var mark = (Wall: TimeSpan.Zero, Cpu: cpu);
        void Phase(string name)
        {
            var now = (Wall: ours.Elapsed, Cpu: Process.GetCurrentProcess().TotalProcessorTime);
            phases.Add($"{name} {(now.Wall - mark.Wall).TotalSeconds:0.0} s wall / {(now.Cpu - mark.Cpu).TotalSeconds:0.0} s CPU");
            mark = now;
        }

        using (var index = ArticleIndex.Open(dir, ram))
        {
            Phase("open");
            _ = ObligationTracker.Search.Analysis.ChineseSegmenter.Instance; // else loaded by the first article, the other thread waiting
            Phase("load dictionaries");
            index.Stage(replicated);
            Phase("analyse+invert");
            index.Replace([]); // commits what was staged
            Phase("commit");
        }

        ours.Stop();
        Phase("close");
        var oursCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine($"ours (jieba + dictionary + bigrams, {Environment.ProcessorCount} threads): {ours.Elapsed.TotalSeconds:0.0} s wall, "
            + $"{mb / ours.Elapsed.TotalSeconds:0.00} MB/s end to end; {oursCpu:0.0} s CPU = {mb / oursCpu:0.00} MB per CPU-second "
            + $"({mb / oursCpu * Environment.ProcessorCount:0.00} MB/s on {Environment.ProcessorCount} idle cores); "
            + $"peak working set {peak / 1048576.0:0} MB; index {DirectorySize(dir) / 1048576.0:0} MB at {dir}");
        Console.WriteLine($"  phases: {string.Join("; ", phases)}; GC paused all threads {(GC.GetTotalPauseDuration() - pauses).TotalSeconds:0.0} s "
            + $"({GC.CollectionCount(0) - collections.Item1}/{GC.CollectionCount(1) - collections.Item2}/{GC.CollectionCount(2) - collections.Item3} gen0/1/2 collections); {Monitor.LockContentionCount - contentions} lock contentions");
        Console.WriteLine($"load average at the end: {MachineLoad.Averages()} (other processes share these cores: compare CPU-normalised figures); {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");

        if (!args.Contains("--no-smartcn"))
        {
            // SmartCn is slow: --smartcn-mb indexes a prefix of the same replicated stream (default: all of it).
            var smartMb = double.Parse(Option(args, "--smartcn-mb") ?? megabytes.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            var smartCopies = Math.Min(copies, (int)Math.Ceiling(smartMb * 1_000_000 / corpusBytes));
            var smartSet = Replicate(mined, smartCopies).Select(u => u.Regulation); // the same articles, without tags
            mb = corpusBytes * smartCopies / 1_000_000.0;
            var smartDir = dir + "-smartcn";
            if (Directory.Exists(smartDir)) Directory.Delete(smartDir, true);
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var smart = Stopwatch.StartNew();
            using (var baseline = new BaselineIndex(smartDir, new SmartChineseAnalyzer(LuceneVersion.LUCENE_48)))
            {
                baseline.Add(smartSet, Environment.ProcessorCount);
            }

            smart.Stop();
            var smartCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine($"SmartChineseAnalyzer ({mb:0.0} MB of the same articles, {Environment.ProcessorCount} threads): {smart.Elapsed.TotalSeconds:0.0} s wall, "
                + $"{mb / smart.Elapsed.TotalSeconds:0.00} MB/s end to end; {smartCpu:0.0} s CPU = {mb / smartCpu:0.00} MB per CPU-second "
                + $"({mb / smartCpu * Environment.ProcessorCount:0.00} MB/s on {Environment.ProcessorCount} idle cores)");
            Directory.Delete(smartDir, true);
        }

        // Last, so jieba.NET's own dictionary does not count in the peak above; on a collected heap, as a full one slows it.
        GC.Collect();
        Console.WriteLine(MachineSpeed.Describe([.. corpus.SelectMany(r => r.Articles.Select(a => a.Text))]));
        return 0;
    }

    /// <summary>Copies share the articles, text and tags (no extra memory) under distinct file names, so each is its own regulation.</summary>
    private static IEnumerable<RegulationUpdate> Replicate(List<RegulationUpdate> mined, int copies)
    {
        for (var i = 0; i < copies; i++)
            foreach (var update in mined)
                yield return i == 0 ? update : new RegulationUpdate(update.Regulation with { File = $"copy{i}-{update.Regulation.File}" }, update.Version, update.Status, update.Tags);
    }

    private static long Bytes(Regulation regulation) =>
        regulation.Articles.Sum(a => (long)Encoding.UTF8.GetByteCount(a.Text)) + Encoding.UTF8.GetByteCount(regulation.Title) * regulation.Articles.Count;

    private static long DirectorySize(string dir) => new DirectoryInfo(dir).EnumerateFiles().Sum(f => f.Length);
}
