namespace ObligationTracker.Tools;

/// <summary>The verbs' command-line options: <c>--name value</c> pairs among the arguments.</summary>
internal static class ToolArgs
{
    /// <summary>The value after <paramref name="name"/>, or null where the option is absent or has no value.</summary>
    public static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
