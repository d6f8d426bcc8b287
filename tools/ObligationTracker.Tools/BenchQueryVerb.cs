using System.Diagnostics;
using ObligationTracker.Search.Indexing;
using ObligationTracker.Search.Querying;

namespace ObligationTracker.Tools;

/// <summary><c>bench-query [--dir PATH] [--rounds 20]</c>: p50/p99 latency of the relevance queries, highlighting and facet
/// counts on, over the index bench-index left (default /tmp/ot-bench-index), one query at a time.</summary>
internal sealed class BenchQueryVerb : IToolVerb
{
    public string Name => "bench-query";

    public string Summary => "p50/p99 query latency with highlighting and facets on the bench-index index.";

    public Task<int> RunAsync(string[] args)
    {
        var dir = Option(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "ot-bench-index");
        var rounds = int.Parse(Option(args, "--rounds") ?? "20");
        using var index = ArticleIndex.OpenReadOnly(dir);
        if (index is null)
        {
            Console.Error.WriteLine($"No index at {dir}: run bench-index first.");
            return Task.FromResult(1);
        }

        var queries = RelevanceQuery.Load(Path.Combine(RepoPaths.Corpora, "relevance", "queries.tsv")).Select(q => q.Query).ToList();
        foreach (var q in queries) index.Search(new SearchRequest(q)); // warm up: JIT, file cache
        var times = new List<double>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var hits = 0L;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var q in queries)
            {
                var watch = Stopwatch.StartNew();
                var result = index.Search(new SearchRequest(q));
                watch.Stop();
                times.Add(watch.Elapsed.TotalMilliseconds);
                hits += result.TotalArticles;
            }
        }

        var cpuPerQuery = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / times.Count;
        times.Sort();
        double At(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        Console.WriteLine($"{index.Count} articles; {times.Count} searches ({queries.Count} queries x {rounds}), top 10 with highlighting and facets; "
            + $"mean {hits / times.Count} matching articles per query");
        Console.WriteLine($"latency p50 {At(0.50):0.00} ms, p90 {At(0.90):0.00} ms, p99 {At(0.99):0.00} ms, max {times[^1]:0.00} ms");
        Console.WriteLine($"CPU per search {cpuPerQuery:0.00} ms (all threads; a fair figure when other processes share the cores)");
        Console.WriteLine($"load average: {(File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a")}");
        return Task.FromResult(0);
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
