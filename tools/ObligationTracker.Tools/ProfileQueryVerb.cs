using System.Diagnostics;
using ObligationTracker.Search.Indexing;
using ObligationTracker.Search.Querying;
using static ObligationTracker.Tools.ToolArgs;

namespace ObligationTracker.Tools;

/// <summary><c>profile-query [--dir PATH] [--rounds 10] [--no-highlight] [--no-facets] [--weights Name=value,...] [--describe QUERY|all] [--query QUERY]</c>: where a
/// search's CPU goes, stage by stage (the searching thread's CPU time, which other processes on the cores do not inflate),
/// over the relevance queries on the index bench-index left; then the queries that cost most. --describe prints the
/// Lucene query a query becomes, with each term's document frequency.</summary>
internal sealed class ProfileQueryVerb : IToolVerb
{
    public string Name => "profile-query";

    public string Summary => "CPU per search stage (parse, score, facets, stored fields, highlighting) on the bench-index index.";

    public Task<int> RunAsync(string[] args)
    {
        var rounds = int.Parse(Option(args, "--rounds") ?? "10");
        var weights = QueryWeights.Parse(Option(args, "--weights"));
        if (ThreadCpu.PreciseMilliseconds() is null)
        {
            Console.Error.WriteLine("profile-query needs the thread CPU clock (Linux).");
            return Task.FromResult(1);
        }

        using var index = BenchIndexFolder.OpenReadOnly(args);
        if (index is null) return Task.FromResult(1);

        if (Option(args, "--describe") is { } described)
        {
            foreach (var q in described == "all" ? RelevanceQuery.Load(Path.Combine(RepoPaths.Corpora, "relevance", "queries.tsv")).Select(q => q.Query) : [described])
                Console.WriteLine($"[{q}]\n    {index.DescribeQuery(q, weights)}");
            return Task.FromResult(0);
        }

        var highlight = !args.Contains("--no-highlight");
        if (args.Contains("--postings"))
        {
            PostingsCost.Run(index, RelevanceQuery.Load(Path.Combine(RepoPaths.Corpora, "relevance", "queries.tsv")).Select(q => q.Query).ToList(), rounds);
            return Task.FromResult(0);
        }

        var facets = !args.Contains("--no-facets");
        SearchRequest Request(string q) => new(q) { Highlight = highlight, CountFacets = facets };
        var queries = Option(args, "--query") is { } only
            ? [only]
            : RelevanceQuery.Load(Path.Combine(RepoPaths.Corpora, "relevance", "queries.tsv")).Select(q => q.Query).ToList();
        foreach (var q in queries) index.Search(Request(q), weights); // warm up: JIT, file cache, per-segment caches
        foreach (var q in queries) index.Search(Request(q), weights);

        var stages = new SearchStages(() => ThreadCpu.PreciseMilliseconds() ?? 0);
        var perQuery = queries.ToDictionary(q => q, _ => 0.0);
        var matches = queries.ToDictionary(q => q, _ => 0);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var gcs = GC.CollectionCount(0);
        var paused = GC.GetTotalPauseDuration();
        var wall = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var q in queries)
            {
                var start = ThreadCpu.PreciseMilliseconds()!.Value;
                matches[q] = index.Search(Request(q), weights, stages).TotalArticles;
                perQuery[q] += ThreadCpu.PreciseMilliseconds()!.Value - start;
            }
        }

        wall.Stop();
        var searches = (double)queries.Count * rounds;
        var total = perQuery.Values.Sum();
        Console.WriteLine($"{index.Count} articles; {searches} searches ({queries.Count} queries x {rounds}){(highlight ? ", highlighting" : "")}{(facets ? ", facets" : "")}");
        Console.WriteLine($"searching thread's CPU per search: {total / searches:0.000} ms (wall {wall.Elapsed.TotalMilliseconds / searches:0.000} ms); "
            + $"allocated {(GC.GetAllocatedBytesForCurrentThread() - allocated) / searches / 1024:0} KB per search; {GC.CollectionCount(0) - gcs} gen0 GCs, "
            + $"pausing {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds / searches:0.000} ms per search");
        foreach (var (stage, ms) in stages.Totals)
            Console.WriteLine($"  {stage,-30} {ms / searches,8:0.000} ms  {100 * ms / total,5:0.0}%");
        Console.WriteLine("costliest queries (CPU per search, matching articles):");
        foreach (var (q, ms) in perQuery.OrderByDescending(p => p.Value).Take(12))
            Console.WriteLine($"  {ms / rounds,7:0.000} ms {matches[q],7}  {q}");
        Console.WriteLine($"load average: {MachineLoad.Averages()}");
        return Task.FromResult(0);
    }
}
