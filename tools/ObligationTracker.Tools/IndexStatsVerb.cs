using System.Globalization;
using ObligationTracker.Search.Indexing;
using static ObligationTracker.Tools.ToolArgs;

namespace ObligationTracker.Tools;

/// <summary><c>index-stats [--dir PATH]</c>: per indexed field, the documents holding it, its postings and the tokens
/// inverted, with each field's share of all tokens; on the index bench-index left unless told otherwise. Indexing time
/// follows the tokens, though not evenly: a title's few terms repeated in every document cost next to nothing, the
/// text's many character pairs most (src/ObligationTracker.Search/README.md). A query's time follows the postings it walks.</summary>
internal sealed class IndexStatsVerb : IToolVerb
{
    public string Name => "index-stats";

    public string Summary => "Documents, postings and tokens per indexed field, and each field's share of the tokens inverted.";

    public Task<int> RunAsync(string[] args)
    {
        using var index = BenchIndexFolder.OpenReadOnly(args);
        if (index is null) return Task.FromResult(1);

        var fields = index.FieldStatistics();
        var total = (double)fields.Sum(f => f.Tokens);
        Console.WriteLine($"{index.Count} articles, {index.ProvisionCount} provisions; {total.ToString("N0", CultureInfo.InvariantCulture)} tokens inverted in all");
        Console.WriteLine($"{"field",-16} {"documents",10} {"postings",12} {"tokens",12} {"share",6}  positions");
        foreach (var f in fields)
            Console.WriteLine($"{f.Field,-16} {f.Documents,10} {f.Postings,12} {f.Tokens,12} {100 * f.Tokens / total,5:0.0}%  {(f.Positions ? "yes" : "")}");
        return Task.FromResult(0);
    }
}
