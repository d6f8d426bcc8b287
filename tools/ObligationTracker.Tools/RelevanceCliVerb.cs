using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using static ObligationTracker.Tools.ToolArgs;

namespace ObligationTracker.Tools;

/// <summary><c>relevance-cli [--queries FILE] [--data DIR]</c>: a relevance set run through the program itself, the way the
/// hidden known-item test runs it: <c>ot ingest</c> of the shared regulations (their MANIFEST.tsv included) into a data
/// directory, then one <c>ot search QUERY --json --top 10</c> process per query, its hits read as file#article.</summary>
/// <remarks>The <c>relevance</c> verb indexes the parsed texts itself, without the manifest or mined provisions, and can
/// order near-ties differently; this verb measures what a user of <c>ot</c> gets.</remarks>
internal sealed class RelevanceCliVerb : IToolVerb
{
    public string Name => "relevance-cli";

    public string Summary => "Recall@10, MRR@10 and nDCG@10 of a relevance set through 'ot ingest' and 'ot search --json', as the hidden test runs it.";

    public async Task<int> RunAsync(string[] args)
    {
        var queries = RelevanceQuery.Load(Option(args, "--queries") ?? Path.Combine(RepoPaths.Corpora, "relevance", "queries.tsv"));
        var given = Option(args, "--data");
        var data = given ?? Path.Combine(Path.GetTempPath(), "ot-relevance-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, output) = await Ot(data, "ingest", RepoPaths.SharedRegulations);
            if (code != 0)
            {
                Console.Error.WriteLine($"ot ingest failed ({code}):\n{output}");
                return 1;
            }

            var scores = new List<(string Kind, double Recall, double ReciprocalRank, double Ndcg)>();
            foreach (var query in queries)
            {
                (code, output) = await Ot(data, "search", query.Query, "--json", "--top", "10");
                if (code != 0)
                {
                    Console.Error.WriteLine($"ot search '{query.Query}' failed ({code}):\n{output}");
                    return 1;
                }

                using var json = JsonDocument.Parse(output);
                var ranked = json.RootElement.GetProperty("hits").EnumerateArray()
                    .Select(h => $"{h.GetProperty("file").GetString()}#{h.GetProperty("article").GetInt32().ToString(CultureInfo.InvariantCulture)}")
                    .ToList();
                var (recall, reciprocal, ndcg) = query.Score(ranked);
                scores.Add((query.Kind, recall, reciprocal, ndcg));
            }

            Console.WriteLine($"{queries.Count} queries through ot search --json (data {data})");
            Console.WriteLine($"{"kind",-12} {"n",3} {"Recall@10",9} {"MRR@10",7} {"nDCG@10",8}");
            foreach (var group in scores.GroupBy(s => s.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Append(scores.GroupBy(_ => "ALL").Single()))
                Console.WriteLine($"{group.Key,-12} {group.Count(),3} {group.Average(s => s.Recall),9:0.000} {group.Average(s => s.ReciprocalRank),7:0.000} {group.Average(s => s.Ndcg),8:0.000}");
            return 0;
        }
        finally
        {
            if (given is null && Directory.Exists(data)) Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Runs <c>ot --data DIR ARGS</c> (the ot.dll beside this tool) and returns its exit code and standard output
    /// (standard error appended when it fails).</summary>
    private static async Task<(int Code, string Output)> Ot(string data, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])[Path.Combine(AppContext.BaseDirectory, "ot.dll"), "--data", data, .. args]) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? (0, await stdout) : (process.ExitCode, await stdout + await stderr);
    }
}
