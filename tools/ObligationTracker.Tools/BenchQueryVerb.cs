using System.Diagnostics;
using ObligationTracker.Search.Indexing;
using ObligationTracker.Search.Querying;
using static ObligationTracker.Tools.ToolArgs;

namespace ObligationTracker.Tools;

/// <summary><c>bench-query [--dir PATH] [--rounds 20] [--no-highlight] [--no-facets]</c>: p50/p99 latency of the relevance queries, highlighting and facet
/// counts on, over the index bench-index left (default /tmp/ot-bench-index), one query at a time.</summary>
internal sealed class BenchQueryVerb : IToolVerb
{
    public string Name => "bench-query";

    public string Summary => "p50/p99 query latency with highlighting and facets on the bench-index index.";

    public Task<int> RunAsync(string[] args)
    {
        var rounds = int.Parse(Option(args, "--rounds") ?? "20");
        using var index = BenchIndexFolder.OpenReadOnly(args);
        if (index is null) return Task.FromResult(1);

        // Switching a stage off shows what it costs.
        var highlight = !args.Contains("--no-highlight");
        var facets = !args.Contains("--no-facets");
        SearchRequest Request(string q) => new(q) { Highlight = highlight, CountFacets = facets };
        var queries = RelevanceQuery.Load(Option(args, "--queries") ?? Path.Combine(RepoPaths.Corpora, "relevance", "queries.tsv")).Select(q => q.Query).ToList();
        var weights = QueryWeights.Parse(Option(args, "--weights")); // what a ranking switch costs
        foreach (var q in queries) index.Search(Request(q), weights); // warm up: JIT, file cache
        var times = new List<double>();
        var threadTimes = new List<double>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var hits = 0L;
        var slowest = (Ms: 0.0, Query: "", Round: 0);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var q in queries)
            {
                var threadStart = ThreadCpu.Now();
                var watch = Stopwatch.StartNew();
                var result = index.Search(Request(q), weights);
                watch.Stop();
                times.Add(watch.Elapsed.TotalMilliseconds);
                if (watch.Elapsed.TotalMilliseconds > slowest.Ms) slowest = (watch.Elapsed.TotalMilliseconds, q, round);
                if (threadStart is { } started && ThreadCpu.Now() is { } ended) threadTimes.Add((ended - started).TotalMilliseconds);
                hits += result.TotalArticles;
            }
        }

        var cpuPerQuery = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / times.Count;
        times.Sort();
        static double At(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
        Console.WriteLine($"{index.Count} articles; {times.Count} searches ({queries.Count} queries x {rounds}), top 10{(highlight ? " with highlighting" : " without highlighting")}{(facets ? " and facets" : ", no facets")}; "
            + $"mean {hits / times.Count} matching articles per query");
        Console.WriteLine($"latency p50 {At(times, 0.50):0.00} ms, p90 {At(times, 0.90):0.00} ms, p99 {At(times, 0.99):0.00} ms, max {times[^1]:0.00} ms ({slowest.Query}, round {slowest.Round + 1})");
        // Thread CPU advances in 4 ms scheduler ticks: single figures are coarse, their mean is not biased.
        if (threadTimes.Count > 0)
            Console.WriteLine($"searching thread's CPU per search (what latency would be on an idle core): mean {threadTimes.Average():0.00} ms");
        Console.WriteLine($"CPU per search {cpuPerQuery:0.00} ms (all threads; a fair figure when other processes share the cores)");
        Console.WriteLine($"load average: {MachineLoad.Averages()}");
        // After the timed searches, which jieba.NET's own dictionary would otherwise share the heap with.
        Console.WriteLine(MachineSpeed.Describe([.. CorpusRegulations.Load([]).SelectMany(r => r.Articles.Select(a => a.Text))]));
        return Task.FromResult(0);
    }
}
