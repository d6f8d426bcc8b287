using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Tools;

/// <summary>The index bench-index writes and the query tools read: /tmp/ot-bench-index unless --dir names another.</summary>
internal static class BenchIndexFolder
{
    public static string Of(string[] args) => ToolArgs.Option(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "ot-bench-index");

    /// <summary>The index opened for searching; null, with the reason on standard error, where there is none.</summary>
    public static ArticleIndex? OpenReadOnly(string[] args)
    {
        var dir = Of(args);
        var index = ArticleIndex.OpenReadOnly(dir);
        if (index is null) Console.Error.WriteLine($"No index at {dir}: run bench-index first, or name one with --dir.");
        return index;
    }
}
