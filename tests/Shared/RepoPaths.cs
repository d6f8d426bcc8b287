namespace ObligationTracker;

/// <summary>Locates the repository root (the folder holding ObligationTracker.sln) and the shared data beside it.</summary>
/// <remarks>Linked into the test projects and tools, so they find corpora/ and ../shared from any working directory.</remarks>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    public static string Root => RootLazy.Value;

    /// <summary>The repository's own corpora/ folder.</summary>
    public static string Corpora => Path.Combine(Root, "corpora");

    /// <summary>The shared data beside the checkout (../shared), or $OT_SHARED where set.</summary>
    public static string Shared
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("OT_SHARED");
            var path = string.IsNullOrWhiteSpace(env) ? Path.GetFullPath(Path.Combine(Root, "..", "shared")) : env;
            if (!Directory.Exists(path))
                throw new DirectoryNotFoundException($"The shared data folder was not found at {path}: check out beside ../shared or set OT_SHARED.");
            return path;
        }
    }

    public static string SharedRegulations => Path.Combine(Shared, "corpora", "regulations");

    public static string SharedOriginals => Path.Combine(Shared, "corpora", "originals");

    public static string SharedEval => Path.Combine(Shared, "eval");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ObligationTracker.sln"))) return dir.FullName;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ObligationTracker.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("ObligationTracker.sln was not found above the program or the working directory.");
    }
}
